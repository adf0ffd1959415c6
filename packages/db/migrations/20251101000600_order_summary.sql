-- One row per order with what lists and dashboards show. security_invoker: the caller's RLS
-- applies (a plain view would run with its owner's rights and show every client every order).
--
-- Pace: on a straight line from start_date (0) to target_delivery_date (leads_purchased),
-- expected_delivered is where the order should be today; below 90% of it is behind, above
-- 110% is ahead. Nearly full: an Active order with at most 10% (at least one lead) left.

create view public.order_summary with (security_invoker = true) as
select
  o.id,
  o.order_number,
  o.client_id,
  c.client_name,
  o.name,
  o.description,
  o.status,
  o.priority,
  o.leads_purchased,
  o.leads_delivered,
  o.leads_remaining,
  o.target_delivery_date,
  o.start_date,
  o.completion_date,
  o.created_by,
  o.created_at,
  o.updated_at,
  case when o.leads_purchased > 0
    then round(o.leads_delivered::numeric / o.leads_purchased * 100, 1)
    else 0
  end as completion_percentage,
  o.target_delivery_date - current_date as days_remaining,
  flags.is_overdue,
  pace.expected_delivered,
  flags.pace,
  flags.is_nearly_full,
  (flags.is_overdue or coalesce(flags.pace = 'behind', false) or flags.is_nearly_full) as needs_attention
from public.orders o
-- A left join on a unique key lets the planner drop the join when client_name is not used
-- (the stats aggregate); every order has a client, so the rows are the same.
left join public.clients c on c.id = o.client_id
cross join lateral (
  select case
    when o.start_date is null or o.target_delivery_date is null then null
    when current_date <= o.start_date then 0
    when current_date >= o.target_delivery_date then o.leads_purchased
    -- Integer division floors for these non-negative values, and stays cheap over 100k rows.
    else (o.leads_purchased::bigint * (current_date - o.start_date)
          / (o.target_delivery_date - o.start_date))::int
  end as expected_delivered
) pace
cross join lateral (
  select
    coalesce(o.status in ('Active', 'Paused') and o.target_delivery_date < current_date and o.leads_remaining > 0, false)
      as is_overdue,
    case
      when o.status <> 'Active' or pace.expected_delivered is null then null
      when o.leads_delivered * 10 < pace.expected_delivered * 9 then 'behind'
      when o.leads_delivered * 10 > pace.expected_delivered * 11 then 'ahead'
      else 'on_track'
    end as pace,
    (o.status = 'Active' and o.leads_remaining > 0
      and o.leads_remaining <= greatest(1, ceil(o.leads_purchased * 0.1))) as is_nearly_full
) flags;

revoke all on public.order_summary from anon;
grant select on public.order_summary to authenticated, service_role;
comment on view public.order_summary is 'Orders with client name, completion, days remaining, overdue, pace and needs-attention flags; RLS of the caller applies.';
