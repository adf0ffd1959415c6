-- order_summary, as before, with three corrections:
-- * "today" is the agency's date (lead_orders.agency_today(), evaluated once per statement as
--   an init plan, not once per row), not the server session's current_date;
-- * completion_percentage is floored to one decimal: 1,999 of 2,000 is 99.9, never 100 before
--   the order is full, and one lead of 3,000 is 0.0, never a rounded-up 0.1;
-- * the pace comparison multiplies in bigint, so no order the bounds allow can overflow it
--   (leads_delivered * 10 in integer overflowed past 214,748,364).
-- Same columns, names and types, in the same order (create or replace view requires it).

create or replace view public.order_summary with (security_invoker = true) as
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
    then round(floor(o.leads_delivered::numeric * 1000 / o.leads_purchased) / 10, 1)
    else 0
  end as completion_percentage,
  o.target_delivery_date - (select lead_orders.agency_today()) as days_remaining,
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
    when (select lead_orders.agency_today()) <= o.start_date then 0
    when (select lead_orders.agency_today()) >= o.target_delivery_date then o.leads_purchased
    -- Integer division floors for these non-negative values, and stays cheap over 100k rows.
    else (o.leads_purchased::bigint * ((select lead_orders.agency_today()) - o.start_date)
          / (o.target_delivery_date - o.start_date))::int
  end as expected_delivered
) pace
cross join lateral (
  select
    coalesce(o.status in ('Active', 'Paused') and o.target_delivery_date < (select lead_orders.agency_today())
             and o.leads_remaining > 0, false) as is_overdue,
    case
      when o.status <> 'Active' or pace.expected_delivered is null then null
      when o.leads_delivered::bigint * 10 < pace.expected_delivered::bigint * 9 then 'behind'
      when o.leads_delivered::bigint * 10 > pace.expected_delivered::bigint * 11 then 'ahead'
      else 'on_track'
    end as pace,
    (o.status = 'Active' and o.leads_remaining > 0
      and o.leads_remaining <= greatest(1, ceil(o.leads_purchased * 0.1))) as is_nearly_full
) flags;

comment on view public.order_summary is 'Orders with client name, completion (floored, one decimal), days remaining, overdue, pace and needs-attention flags, counted in the agency''s time zone; RLS of the caller applies.';
