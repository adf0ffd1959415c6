-- An order's deliveries over time for the detail pages' chart, computed here in one indexed query
-- instead of shipping every lead to the browser.

-- The order if the caller may read it (the RLS rule: admins every order, a client its own
-- clients' orders), else order_not_found: another client's order looks exactly like a missing one.
create or replace function lead_orders.readable_order(p_order_id uuid) returns public.orders
language plpgsql
stable
set search_path = ''
as $$
declare
  v_scope uuid[];
  v_order public.orders;
begin
  v_scope := lead_orders.visible_client_ids(null);
  if p_order_id is null then
    perform lead_orders.fail('invalid_input', 'p_order_id is required.', jsonb_build_object('field', 'p_order_id'));
  end if;
  select * into v_order from public.orders o where o.id = p_order_id;
  if v_order.id is null or (v_scope is not null and not v_order.client_id = any (v_scope)) then
    perform lead_orders.fail('order_not_found', format('Order %s does not exist.', p_order_id),
      jsonb_build_object('order_id', p_order_id));
  end if;
  return v_order;
end;
$$;
revoke execute on function lead_orders.readable_order(uuid) from public, anon;
grant execute on function lead_orders.readable_order(uuid) to authenticated, service_role;

-- Per bucket (a day, or an ISO week starting Monday; days in the session's time zone, as
-- current_date): the leads that started counting toward the order in it, and the running total.
-- Every bucket from the first delivery's to the last delivery's is present, empty ones with 0;
-- the total ends at leads_delivered, since delivered_at is set exactly while a lead counts.
-- 'auto' picks weeks when the order spans more than 90 days: from its start date (or creation) to
-- its completion date, or else the later of its target date and today.
-- SECURITY DEFINER with the scope checked first (lead_orders.readable_order); the leads are then
-- read by order id alone, an index-only scan of idx_leads_order_delivered.
create or replace function public.get_delivery_series(p_order_id uuid, p_bucket text default 'auto') returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_order public.orders;
  v_bucket text := coalesce(p_bucket, 'auto');
  v_points jsonb;
begin
  v_order := lead_orders.readable_order(p_order_id);
  if v_bucket not in ('day', 'week', 'auto') then
    perform lead_orders.fail('invalid_input', format('p_bucket must be day, week or auto, not %s.', v_bucket),
      jsonb_build_object('field', 'p_bucket', 'allowed', jsonb_build_array('day', 'week', 'auto')));
  end if;
  if v_bucket = 'auto' then
    v_bucket := case
      when coalesce(v_order.completion_date, greatest(v_order.target_delivery_date, current_date))
           - coalesce(v_order.start_date, v_order.created_at::date, current_date) > 90 then 'week'
      else 'day' end;
  end if;

  with per_bucket as (
    select date_trunc(v_bucket, l.delivered_at)::date as day, count(*)::int as delivered
      from public.leads l
     where l.order_id = v_order.id and l.delivered_at is not null
     group by 1
  ), dense as (
    select g.day::date as day, coalesce(b.delivered, 0) as delivered,
           sum(coalesce(b.delivered, 0)) over (order by g.day)::int as cumulative
      from (select min(day) as first_day, max(day) as last_day from per_bucket) r
     cross join generate_series(r.first_day, r.last_day, ('1 ' || v_bucket)::interval) g(day)
      left join per_bucket b on b.day = g.day::date
  )
  select coalesce(jsonb_agg(jsonb_build_object('date', d.day, 'delivered', d.delivered, 'cumulative', d.cumulative) order by d.day), '[]')
    into v_points
    from dense d;

  return jsonb_build_object(
    'order_id', v_order.id,
    'bucket', v_bucket,
    'start_date', v_order.start_date,
    'target_delivery_date', v_order.target_delivery_date,
    'leads_purchased', v_order.leads_purchased,
    'leads_delivered', v_order.leads_delivered,
    'points', v_points);
end;
$$;

revoke execute on function public.get_delivery_series(uuid, text) from public, anon;
grant execute on function public.get_delivery_series(uuid, text) to authenticated, service_role;
