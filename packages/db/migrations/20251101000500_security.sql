-- Row Level Security for orders, their history and leads, and the profile fields that decide
-- who is who.
--
-- Ownership is clients.profile_id = auth.uid(). The proposal also matched
-- clients.client_name = profiles.client_name, but users can edit their own profile, so anyone
-- could have renamed themselves into another client's orders. Policies evaluate
-- (select auth.uid()) and the helper functions once per statement, and compare indexed columns.

-- ---------------------------------------------------------------- profiles: no self-promotion
-- is_admin() reads profiles.role and the existing policy lets users update their own row, so a
-- non-admin may not change the fields that grant rights or identity.
create or replace function lead_orders.guard_profile_identity() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_setting('role') not in ('anon', 'authenticated') or coalesce(public.is_admin(auth.uid()), false) then
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

create trigger profiles_guard_identity
  before insert or update on public.profiles
  for each row execute function lead_orders.guard_profile_identity();
revoke execute on function lead_orders.guard_profile_identity() from public, anon;

-- ---------------------------------------------------------------- orders
alter table public.orders enable row level security;
revoke all on public.orders from anon;

create policy "Admins can manage all orders" on public.orders
  for all to authenticated
  using ((select public.is_admin((select auth.uid()))))
  with check ((select public.is_admin((select auth.uid()))));

create policy "Clients can view their own orders" on public.orders
  for select to authenticated
  using (client_id = any ((select public.my_client_ids())::uuid[]));

-- ---------------------------------------------------------------- order history
alter table public.order_events enable row level security;
revoke all on public.order_events from anon;
-- History is written by triggers only.
revoke insert, update, delete, truncate on public.order_events from authenticated;

create policy "Admins can view all order events" on public.order_events
  for select to authenticated
  using ((select public.is_admin((select auth.uid()))));

create policy "Clients can view their own order events" on public.order_events
  for select to authenticated
  using (client_id = any ((select public.my_client_ids())::uuid[]));

-- ---------------------------------------------------------------- clients and leads
create policy "Clients can view their own client record" on public.clients
  for select to authenticated
  using (profile_id = (select auth.uid()));

create policy "Clients can view their own leads" on public.leads
  for select to authenticated
  using (client_id = any ((select public.my_client_ids())::uuid[]));

-- ---------------------------------------------------------------- realtime
do $$
begin
  if exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    alter publication supabase_realtime add table public.orders, public.order_events;
  end if;
end
$$;
