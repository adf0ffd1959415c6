-- Phase 5: carry existing clients over to order tracking.
--
-- 1. Link clients to their profiles by name, once, where exactly one client profile carries
--    that client name. Ambiguous or missing matches are reported, never guessed; an admin sets
--    clients.profile_id for those by hand. The report is kept in lead_orders.client_link_reports.
-- 2. backfill_default_orders(): one default order per client that bought leads and has none.

create table lead_orders.client_link_reports (
  id bigint generated always as identity primary key,
  report jsonb not null,
  created_at timestamptz not null default now()
);
-- Written by link_clients_to_profiles (security invoker, admins only) on the caller's behalf.
grant insert, select on lead_orders.client_link_reports to authenticated, service_role;

create or replace function public.link_clients_to_profiles() returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_report jsonb;
begin
  perform lead_orders.require_order_admin();

  create temporary table lead_orders_name_matches on commit drop as
  select c.id as client_id, c.client_name,
         array_agg(p.id order by p.id) filter (where p.id is not null) as profile_ids
    from public.clients c
    left join public.profiles p
      on p.role = 'client' and lower(btrim(p.client_name)) = lower(btrim(c.client_name))
   where c.profile_id is null
   group by c.id, c.client_name;

  update public.clients c set profile_id = m.profile_ids[1]
    from lead_orders_name_matches m
   where m.client_id = c.id and cardinality(m.profile_ids) = 1;

  select jsonb_build_object(
    'linked', coalesce(jsonb_agg(jsonb_build_object('client_id', client_id, 'client_name', client_name, 'profile_id', profile_ids[1]) order by client_name)
                 filter (where cardinality(profile_ids) = 1), '[]'),
    'ambiguous', coalesce(jsonb_agg(jsonb_build_object('client_id', client_id, 'client_name', client_name, 'profile_ids', to_jsonb(profile_ids)) order by client_name)
                 filter (where cardinality(profile_ids) > 1), '[]'),
    'missing', coalesce(jsonb_agg(jsonb_build_object('client_id', client_id, 'client_name', client_name) order by client_name)
                 filter (where profile_ids is null), '[]'))
    into v_report
    from lead_orders_name_matches;
  drop table lead_orders_name_matches;

  insert into lead_orders.client_link_reports (report) values (v_report);
  return v_report;
end;
$$;

-- For each client whose profile bought leads (profiles.leads_purchased > 0) and that has no
-- order yet: an Active default order of that quantity holding the client's delivered leads
-- that are in no order, oldest first, up to capacity. Running it again creates nothing.
create or replace function public.backfill_default_orders() returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_client record;
  v_order_id uuid;
  v_assigned int;
  v_created jsonb := '[]';
  v_skipped jsonb := '[]';
  v_total_assigned int := 0;
begin
  perform lead_orders.require_order_admin();
  for v_client in
    select c.id, c.client_name, p.leads_purchased,
           exists (select 1 from public.orders o where o.client_id = c.id) as has_orders
      from public.clients c
      join public.profiles p on p.id = c.profile_id
     where p.leads_purchased > 0
     order by c.client_name, c.id
  loop
    if v_client.has_orders then
      v_skipped := v_skipped || jsonb_build_object('client_id', v_client.id, 'client_name', v_client.client_name, 'reason', 'has_orders');
      continue;
    end if;
    insert into public.orders (client_id, name, description, leads_purchased, status)
    values (v_client.id, 'Default order', 'Created from the client''s purchased leads when orders were introduced.',
            v_client.leads_purchased, 'Active')
    returning id into v_order_id;

    with picked as (
      select l.id from public.leads l
       where l.client_id = v_client.id and l.order_id is null and public.is_delivered_status(l.status)
       order by l.created_at, l.id
       limit v_client.leads_purchased
       for update
    )
    update public.leads l set order_id = v_order_id from picked where l.id = picked.id;
    get diagnostics v_assigned = row_count;
    v_total_assigned := v_total_assigned + v_assigned;

    v_created := v_created || jsonb_build_object(
      'client_id', v_client.id, 'client_name', v_client.client_name, 'order_id', v_order_id,
      'order_number', (select order_number from public.orders where id = v_order_id),
      'leads_purchased', v_client.leads_purchased, 'leads_assigned', v_assigned,
      'delivered_leads_left_out', (select count(*) from public.leads l
        where l.client_id = v_client.id and l.order_id is null and public.is_delivered_status(l.status)));
  end loop;

  -- Clients without a linked profile cannot be matched to a purchase: report them.
  select v_skipped || coalesce(jsonb_agg(jsonb_build_object('client_id', c.id, 'client_name', c.client_name, 'reason', 'no_linked_profile')
                                 order by c.client_name, c.id), '[]')
    into v_skipped
    from public.clients c where c.profile_id is null;

  return jsonb_build_object('orders_created', jsonb_array_length(v_created), 'leads_assigned', v_total_assigned,
                            'created', v_created, 'skipped', v_skipped);
end;
$$;

revoke execute on function public.link_clients_to_profiles() from public, anon;
revoke execute on function public.backfill_default_orders() from public, anon;
grant execute on function public.link_clients_to_profiles() to authenticated, service_role;
grant execute on function public.backfill_default_orders() to authenticated, service_role;

-- Link once, as part of applying this migration.
select public.link_clients_to_profiles();
