-- The admin's order timeline says who made each change: get_order_details gives each timeline
-- event an actor_name, the acting user's profile name (profiles.full_name) when an admin reads
-- (public.is_order_admin()), and null for everyone else. A client's timeline never names people:
-- it reads the same events with actor_name null, and the widgets speak of "the agency". An event
-- whose user was deleted (actor_id null, 20251201000600) or made by the system has no name.
--
-- Otherwise as in 20251101000700_read_api.sql: SECURITY INVOKER, so the events and the profile
-- names are what the caller's policies let it read.
create or replace function public.get_order_details(p_order_id uuid, p_lead_limit int default 200, p_timeline_limit int default 200)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_order jsonb;
  v_admin boolean;
begin
  if p_order_id is null then
    perform lead_orders.fail('invalid_input', 'p_order_id is required.', jsonb_build_object('field', 'p_order_id'));
  end if;
  if p_lead_limit is null or p_lead_limit < 0 or p_lead_limit > 1000
     or p_timeline_limit is null or p_timeline_limit < 0 or p_timeline_limit > 1000 then
    perform lead_orders.fail('invalid_input', 'p_lead_limit and p_timeline_limit must be between 0 and 1000.',
      jsonb_build_object('field', 'p_lead_limit'));
  end if;
  v_order := lead_orders.order_json(p_order_id);
  if v_order is null then
    perform lead_orders.fail('order_not_found', format('Order %s does not exist.', p_order_id),
      jsonb_build_object('order_id', p_order_id));
  end if;
  v_admin := public.is_order_admin();
  return jsonb_build_object(
    'order', v_order,
    'leads', (
      select coalesce(jsonb_agg(to_jsonb(l) order by l.delivered_at desc nulls last, l.created_at desc, l.id), '[]')
      from (select * from public.leads
             where order_id = p_order_id
             order by delivered_at desc nulls last, created_at desc, id
             limit p_lead_limit) l),
    'timeline', (
      select coalesce(jsonb_agg(to_jsonb(e) order by e.created_at desc, e.id desc), '[]')
      from (select ev.*,
                   case when v_admin and ev.actor_id is not null
                        then (select p.full_name from public.profiles p where p.id = ev.actor_id) end as actor_name
              from public.order_events ev
             where ev.order_id = p_order_id
             order by ev.created_at desc, ev.id desc
             limit p_timeline_limit) e));
end;
$$;
