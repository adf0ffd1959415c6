-- Maintenance: rebuild the delivered counts from scratch and report drift.

create or replace function public.rebuild_order_counts() returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_checked int;
  v_drifted jsonb;
begin
  perform lead_orders.require_order_admin();
  -- Lock every order first (in id order, as assignments do): an assignment committing while we
  -- count would otherwise be overwritten by our older count. The count below then starts after
  -- every in-flight change to these orders has committed.
  perform 1 from public.orders order by id for update;
  select count(*) into v_checked from public.orders;

  create temporary table lead_orders_recount on commit drop as
  select o.id as order_id, o.leads_delivered as stored, o.leads_purchased as purchased,
         count(l.id) filter (where public.is_delivered_status(l.status))::int as actual
    from public.orders o
    left join public.leads l on l.order_id = o.id
   group by o.id;

  select coalesce(jsonb_agg(jsonb_build_object(
           'order_id', r.order_id, 'stored', r.stored, 'actual', r.actual,
           -- A recount above capacity cannot be stored; the leads must be moved by hand.
           'repaired', r.actual <= r.purchased) order by r.order_id), '[]')
    into v_drifted
    from lead_orders_recount r where r.stored <> r.actual;

  perform set_config('lead_orders.derived_write', 'on', true);
  update public.orders o set leads_delivered = r.actual
    from lead_orders_recount r
   where r.order_id = o.id and r.stored <> r.actual and r.actual <= r.purchased;
  perform set_config('lead_orders.derived_write', 'off', true);
  drop table lead_orders_recount;

  return jsonb_build_object('orders_checked', v_checked, 'drifted', v_drifted);
end;
$$;

revoke execute on function public.rebuild_order_counts() from public, anon;
grant execute on function public.rebuild_order_counts() to authenticated, service_role;
