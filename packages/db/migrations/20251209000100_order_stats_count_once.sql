-- get_order_stats counted the last 7 days' deliveries twice per call: the planner pulled the
-- subquery holding the two counts up into the outer select, which uses last_7 twice
-- (delivered_last_7_days, and inside delivered_last_30_days), so its index-only scan ran twice
-- (about 2.5 ms of the admin's 10 ms at 1,000,000 leads). The subquery now stays one (offset 0).
-- Otherwise as in 20251205000000_reads_in_agency_time.sql.

-- get_order_stats(p_client_id) returns { orders_total, by_status: {Draft, Active, Paused,
-- Completed, Cancelled}, active, overdue, needs_attention, leads_purchased, leads_delivered,
-- leads_remaining, delivered_last_7_days, delivered_last_30_days } over every client (admins, the
-- service role) or the caller's own clients, narrowed to p_client_id when given.
--
-- Errors: forbidden (anon); client_not_found (an admin's p_client_id that is no client). A client
-- user's p_client_id that is not theirs counts nothing (all zeros), as the row policies would.
--
-- SECURITY DEFINER so nothing evaluates a policy per row: the scope is decided here, explicitly.
-- Counts and sums come from the maintained totals (lead_orders.order_totals_for: a handful of
-- rows). overdue and needs_attention are counted over lead_orders.open_orders (the Active and
-- Paused orders, the only ones the flags can mark) with the expressions of public.order_summary,
-- against the agency's date (lead_orders.agency_today(), read once per call): the same orders
-- the list marks. delivered_last_7_days / _30_days are rolling windows, leads with delivered_at
-- at or after now() minus 7 × 24 / 30 × 24 hours, from the delivered_at indexes.
create or replace function public.get_order_stats(p_client_id uuid default null) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_scope uuid[];
  v_today date;
  v_totals jsonb;
  v_flags jsonb;
  v_deliveries jsonb;
begin
  v_scope := lead_orders.order_read_scope(p_client_id);
  v_today := lead_orders.agency_today();

  select jsonb_build_object(
           'orders_total', coalesce(sum(t.orders), 0),
           'by_status', jsonb_build_object(
             'Draft', coalesce(sum(t.orders) filter (where t.status = 'Draft'), 0),
             'Active', coalesce(sum(t.orders) filter (where t.status = 'Active'), 0),
             'Paused', coalesce(sum(t.orders) filter (where t.status = 'Paused'), 0),
             'Completed', coalesce(sum(t.orders) filter (where t.status = 'Completed'), 0),
             'Cancelled', coalesce(sum(t.orders) filter (where t.status = 'Cancelled'), 0)),
           'active', coalesce(sum(t.orders) filter (where t.status = 'Active'), 0),
           'leads_purchased', coalesce(sum(t.leads_purchased), 0),
           'leads_delivered', coalesce(sum(t.leads_delivered), 0),
           'leads_remaining', coalesce(sum(t.leads_purchased) - sum(t.leads_delivered), 0))
    into v_totals
    from lead_orders.order_totals_for(v_scope) t;

  -- Built per call so a client's scope is planned as an index lookup, never as a generic plan.
  -- The pace and flag expressions are order_summary's, word for word, with o.leads_remaining
  -- spelled out (open_orders has no such column) and $2 for the agency's date; a change to
  -- the view's rules must be made here too (test/stats-agency-today.test.ts compares them).
  execute format($q$
    select jsonb_build_object(
      'overdue', count(*) filter (where flags.is_overdue),
      'needs_attention', count(*) filter (where flags.is_overdue or coalesce(flags.pace = 'behind', false) or flags.is_nearly_full))
    from lead_orders.open_orders o
    cross join lateral (
      select case
        when o.start_date is null or o.target_delivery_date is null then null
        when $2 <= o.start_date then 0
        when $2 >= o.target_delivery_date then o.leads_purchased
        else (o.leads_purchased::bigint * ($2 - o.start_date)
              / (o.target_delivery_date - o.start_date))::int
      end as expected_delivered
    ) pace
    cross join lateral (
      select
        coalesce(o.status in ('Active', 'Paused') and o.target_delivery_date < $2
                 and o.leads_purchased - o.leads_delivered > 0, false) as is_overdue,
        case
          when o.status <> 'Active' or pace.expected_delivered is null then null
          when o.leads_delivered::bigint * 10 < pace.expected_delivered::bigint * 9 then 'behind'
          when o.leads_delivered::bigint * 10 > pace.expected_delivered::bigint * 11 then 'ahead'
          else 'on_track'
        end as pace,
        (o.status = 'Active' and o.leads_purchased - o.leads_delivered > 0
          and o.leads_purchased - o.leads_delivered <= greatest(1, ceil(o.leads_purchased * 0.1))) as is_nearly_full
    ) flags
    where %s$q$, case when v_scope is null then 'true' else 'o.client_id = any ($1)' end)
  into v_flags
  using v_scope, v_today;

  -- Two plain index-only counts over disjoint ranges: a per-row filter over the 30-day range
  -- costs more than a second scan. delivered_at is only ever set while a lead counts toward an order.
  execute format($q$
    select jsonb_build_object('delivered_last_7_days', d.last_7, 'delivered_last_30_days', d.last_7 + d.days_8_to_30)
      from (select
        (select count(*) from public.leads l where l.delivered_at >= now() - interval '7 days' and %1$s) as last_7,
        (select count(*) from public.leads l
          where l.delivered_at >= now() - interval '30 days' and l.delivered_at < now() - interval '7 days' and %1$s) as days_8_to_30
        -- Kept a subquery (offset 0): pulled up, its last_7 was counted once per use, twice.
        offset 0) d$q$,
    case when v_scope is null then 'true' else 'l.client_id = any ($1)' end)
  into v_deliveries
  using v_scope;

  return v_totals || v_flags || v_deliveries;
end;
$$;
