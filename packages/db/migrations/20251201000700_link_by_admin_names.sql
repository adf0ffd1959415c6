-- Ownership by name only where an admin stands behind the name.
--
-- link_clients_to_profiles() linked a client to the one client profile carrying its name. Users
-- cannot change client_name on their profile (the profile guard), but where the agency lets
-- users insert their own profile (a sign-up flow), a new user could pick an unlinked client's
-- name and be linked to that client's orders by the next run. Now a name counts only when an
-- admin set it: lead_orders.admin_set_client_names records, per profile, the client_name last
-- written by an admin (public.is_order_admin(): the service role, the tables' owner, or an
-- admin user). A match on a name the user chose is reported as `unconfirmed` and linked only
-- when an admin passes that profile's id in p_confirmed_profile_ids.
--
-- Also: TRUNCATE skips row level security and row triggers, and Supabase's default grants give
-- it to anon and authenticated on every table in public. It is revoked on the order tables and
-- on leads (a truncated leads table would leave every delivered count wrong).

create table lead_orders.admin_set_client_names (
  profile_id uuid primary key references public.profiles (id) on delete cascade,
  client_name text not null,
  set_at timestamptz not null default now()
);
revoke all on lead_orders.admin_set_client_names from public, anon, authenticated, service_role;
comment on table lead_orders.admin_set_client_names is
  'The client_name an admin last set on each profile; link_clients_to_profiles links only by these names (or names an admin confirms).';

-- Names of profiles created or renamed by an admin from now on are recorded; a name written by
-- anyone else forgets the record. Names already present are not trusted: an admin confirms them.
create or replace function lead_orders.record_client_name_setter() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.client_name is null then
    delete from lead_orders.admin_set_client_names where profile_id = new.id;
  elsif public.is_order_admin() then
    insert into lead_orders.admin_set_client_names as a (profile_id, client_name)
    values (new.id, new.client_name)
    on conflict (profile_id) do update set client_name = excluded.client_name, set_at = now();
  elsif tg_op = 'INSERT' or new.client_name is distinct from old.client_name then
    delete from lead_orders.admin_set_client_names where profile_id = new.id;
  end if;
  return null;
end;
$$;
revoke execute on function lead_orders.record_client_name_setter() from public, anon, authenticated;

create trigger profiles_record_client_name_setter
  after insert or update of client_name on public.profiles
  for each row execute function lead_orders.record_client_name_setter();

drop function public.link_clients_to_profiles();

-- Links each unlinked client to the one client profile carrying its name (trimmed, any case),
-- when that name was set by an admin or the profile's id is in p_confirmed_profile_ids.
-- Returns { linked: [{client_id, client_name, profile_id}], ambiguous: [{…, profile_ids}],
-- unconfirmed: [{…, profile_ids}], missing: [{client_id, client_name}] } and keeps it in
-- lead_orders.client_link_reports. Errors: forbidden (not an admin), invalid_input (more than
-- 1,000 ids). SECURITY DEFINER after the admin check: it reads every profile and client.
create function public.link_clients_to_profiles(p_confirmed_profile_ids uuid[] default '{}') returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_report jsonb;
begin
  perform lead_orders.require_order_admin();
  if cardinality(p_confirmed_profile_ids) > 1000 then
    perform lead_orders.fail('invalid_input', 'p_confirmed_profile_ids may hold at most 1,000 ids.',
      jsonb_build_object('field', 'p_confirmed_profile_ids', 'max_length', 1000));
  end if;

  create temporary table lead_orders_name_matches on commit drop as
  select c.id as client_id, c.client_name,
         array_agg(p.id order by p.id) filter (where p.id is not null) as profile_ids,
         bool_and(p.id = any (coalesce(p_confirmed_profile_ids, '{}'))
                  or exists (select 1 from lead_orders.admin_set_client_names a
                              where a.profile_id = p.id and a.client_name = p.client_name)) as trusted
    from public.clients c
    left join public.profiles p
      on p.role = 'client' and lower(btrim(p.client_name)) = lower(btrim(c.client_name))
   where c.profile_id is null
   group by c.id, c.client_name;

  update public.clients c set profile_id = m.profile_ids[1]
    from lead_orders_name_matches m
   where m.client_id = c.id and cardinality(m.profile_ids) = 1 and m.trusted;

  select jsonb_build_object(
    'linked', coalesce(jsonb_agg(jsonb_build_object('client_id', client_id, 'client_name', client_name, 'profile_id', profile_ids[1]) order by client_name)
                 filter (where cardinality(profile_ids) = 1 and trusted), '[]'),
    'ambiguous', coalesce(jsonb_agg(jsonb_build_object('client_id', client_id, 'client_name', client_name, 'profile_ids', to_jsonb(profile_ids)) order by client_name)
                 filter (where cardinality(profile_ids) > 1), '[]'),
    'unconfirmed', coalesce(jsonb_agg(jsonb_build_object('client_id', client_id, 'client_name', client_name, 'profile_ids', to_jsonb(profile_ids)) order by client_name)
                 filter (where cardinality(profile_ids) = 1 and not trusted), '[]'),
    'missing', coalesce(jsonb_agg(jsonb_build_object('client_id', client_id, 'client_name', client_name) order by client_name)
                 filter (where profile_ids is null), '[]'))
    into v_report
    from lead_orders_name_matches;
  drop table lead_orders_name_matches;

  insert into lead_orders.client_link_reports (report) values (v_report);
  return v_report;
end;
$$;
revoke execute on function public.link_clients_to_profiles(uuid[]) from public, anon;
grant execute on function public.link_clients_to_profiles(uuid[]) to authenticated, service_role;

-- The report (every client name and profile id) was readable and writable by every signed-in
-- user for the old security-invoker function; only admins' paths (this function, the CLI) use it.
revoke insert, select on lead_orders.client_link_reports from authenticated;

revoke truncate, trigger, references on public.orders, public.order_events, public.order_number_counters, public.leads
  from anon, authenticated;
