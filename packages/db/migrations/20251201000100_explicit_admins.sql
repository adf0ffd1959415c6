-- "Admin" is an explicit list, not "any role but anon and authenticated".
--
-- Before, every role other than anon and authenticated counted as an admin, so a custom role
-- (for example one made a member of authenticated for a support tool) acting for client A read
-- every client's orders and figures, and skipped the profile guard. An admin is now exactly:
--   1. the `service_role` (PostgREST switched to it: `role` = 'service_role');
--   2. a direct database connection of the tables' owner or a superuser, with no role switched
--      (`role` = 'none'; migrations, the SQL editor, workers holding database credentials), or
--      one that switched to such a role explicitly;
--   3. an `authenticated` request (`role` = 'authenticated', exactly) whose user's
--      profiles.role is 'admin' (public.is_admin).
-- Anything else, including members of authenticated under another name, is not an admin.
-- `role` is read rather than current_user because it survives SECURITY DEFINER.

create or replace function public.is_order_admin() returns boolean
language plpgsql
stable
set search_path = ''
as $$
declare
  v_role text := current_setting('role');
  v_acting name;
begin
  if v_role = 'service_role' then
    return true;
  end if;
  if v_role = 'authenticated' then
    return coalesce(public.is_admin(auth.uid()), false);
  end if;
  if v_role = 'anon' then
    return false;
  end if;
  v_acting := case when v_role = 'none' then session_user else v_role end;
  return exists (select 1 from pg_catalog.pg_roles r where r.rolname = v_acting and r.rolsuper)
      or v_acting = (select pg_catalog.pg_get_userbyid(c.relowner) from pg_catalog.pg_class c
                      where c.oid = 'public.orders'::regclass);
end;
$$;
comment on function public.is_order_admin() is
  'True for the service_role, the tables'' owner or a superuser on a direct connection, and authenticated users whose profile role is admin; false for everyone else.';

-- The profile guard trusted every role but anon and authenticated; it now trusts admins only.
create or replace function lead_orders.guard_profile_identity() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if public.is_order_admin() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.role <> 'client' or new.leads_purchased <> 0 or new.leads_fulfilled <> 0 then
      perform lead_orders.fail('profile_locked', 'Only admins can create admin profiles or set purchased leads.',
        jsonb_build_object('profile_id', new.id));
    end if;
  elsif new.id is distinct from old.id
     or new.role is distinct from old.role
     or new.client_name is distinct from old.client_name
     or new.leads_purchased is distinct from old.leads_purchased
     or new.leads_fulfilled is distinct from old.leads_fulfilled then
    perform lead_orders.fail('profile_locked',
      'Only admins can change a profile''s role, client name or lead counts.',
      jsonb_build_object('profile_id', old.id));
  end if;
  return new;
end;
$$;

-- The clients whose orders the caller may read: every client for admins (null), the signed-in
-- user's own clients (clients.profile_id = auth.uid()) for anyone else; anon is refused.
-- A role that is not an admin never widens its view: it gets its JWT user's clients, as the
-- row policies give it, or none.
create or replace function lead_orders.visible_client_ids(p_client_id uuid default null) returns uuid[]
language plpgsql
stable
set search_path = ''
as $$
declare
  v_own uuid[];
begin
  if current_setting('role') = 'anon' then
    perform lead_orders.fail('forbidden', 'Sign in to see orders.');
  end if;
  if public.is_order_admin() then
    return case when p_client_id is null then null else array[p_client_id] end;
  end if;
  v_own := public.my_client_ids();
  if p_client_id is null then
    return v_own;
  end if;
  return case when p_client_id = any (v_own) then array[p_client_id] else '{}'::uuid[] end;
end;
$$;
