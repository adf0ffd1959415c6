-- The day from which each open order is overdue, and from which it needs attention, kept in
-- lead_orders.open_orders, so get_order_stats counts its flags with one date comparison per row.
--
-- get_order_stats evaluated order_summary's pace and flag expressions for every Active and Paused
-- order on each call (bigint and numeric arithmetic, three CASEs per row): about 4–5 ms of the
-- admin's 7.6–9.6 ms over the 12,800 open orders of the benchmark. Every one of those flags turns
-- on at a day and stays on while the order is unchanged, whatever today is:
--   is_overdue      today > target_delivery_date (with leads remaining);
--   pace = behind   today >= the first day the pace line's expected_delivered exceeds
--                   leads_delivered × 10 / 9 (expected_delivered never falls as days pass);
--   is_nearly_full  does not depend on today (from -infinity).
-- needs_attention is their OR, so it turns on at the earliest of these days. Both days are stored
-- generated columns of open_orders, computed from the row whenever the order's mirror is written
-- (its count, quantity, dates or status): an assignment computes them once for its order, and
-- open_orders keeps no index on them, so its update stays HOT. The rules themselves stay
-- order_summary's; test/open-order-flag-days.test.ts checks these days against the view's
-- expressions for every combination of status, dates, quantity and count over a range of days,
-- and the drift property test compares get_order_stats with a recount from order_summary.

-- The first agency day on which an Active or Paused order with these figures is flagged
-- needs_attention by order_summary (null: on no day; -infinity: on every day). Immutable: it
-- reads only its arguments.
create or replace function lead_orders.attention_from(
  p_status public.order_status,
  p_start date,
  p_target date,
  p_purchased int,
  p_delivered int
) returns date
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_remaining bigint := p_purchased::bigint - p_delivered;
  v_overdue date;
  v_behind date;
  v_needed bigint;
begin
  if p_status is null or p_status not in ('Active', 'Paused') then
    return null;
  end if;
  -- is_nearly_full: Active, 1 ≤ remaining ≤ greatest(1, ceil(purchased × 0.1)); ceil(p / 10)
  -- is (p + 9) / 10 in integers for p ≥ 0.
  if p_status = 'Active' and v_remaining > 0 and v_remaining <= greatest(1, (p_purchased::bigint + 9) / 10) then
    return '-infinity';
  end if;
  -- is_overdue: target < today, with leads remaining.
  if p_target is not null and v_remaining > 0 then
    v_overdue := p_target + 1;
  end if;
  -- pace = behind: delivered × 10 < expected × 9, i.e. expected ≥ v_needed. expected is 0 up to
  -- the start day, purchased from the target day on (when after the start), and in between
  -- floor(purchased × (today − start) / (target − start)), which reaches v_needed on
  -- start + ceil(v_needed × (target − start) / purchased). Never when purchased < v_needed.
  if p_status = 'Active' and p_start is not null and p_target is not null then
    v_needed := p_delivered::bigint * 10 / 9 + 1;
    if v_needed <= p_purchased then
      v_behind := case
        when p_target > p_start then p_start + ((v_needed * (p_target - p_start) + p_purchased - 1) / p_purchased)::int
        else p_start + 1
      end;
    end if;
  end if;
  return least(v_overdue, v_behind);
end;
$$;
revoke execute on function lead_orders.attention_from(public.order_status, date, date, int, int) from public, anon, authenticated, service_role;

alter table lead_orders.open_orders
  -- is_overdue from this day on (target + 1), while leads remain.
  add column overdue_from date generated always as (
    case when target_delivery_date is not null and leads_purchased - leads_delivered > 0
              and status in ('Active', 'Paused')
         then target_delivery_date + 1 end) stored,
  -- needs_attention from this day on.
  add column attention_from date generated always as (
    lead_orders.attention_from(status, start_date, target_delivery_date, leads_purchased, leads_delivered)) stored;
comment on column lead_orders.open_orders.overdue_from is 'First agency day the order is overdue (order_summary.is_overdue), while unchanged.';
comment on column lead_orders.open_orders.attention_from is 'First agency day the order needs attention (order_summary.needs_attention), while unchanged; -infinity: always.';
