-- Stable, documented error codes and the private helpers every other migration uses.
-- Helpers live in schema lead_orders, which PostgREST does not expose, so they are not RPCs.

create schema if not exists lead_orders;
grant usage on schema lead_orders to authenticated, service_role;

-- The one list of refusals: SQLSTATE (class LO) and the name clients branch on.
-- packages/db/src/errors.ts mirrors it; a test keeps the two equal.
create table lead_orders.error_codes (
  sqlstate text primary key check (sqlstate ~ '^LO[0-9]{3}$'),
  code text not null unique
);
insert into lead_orders.error_codes (sqlstate, code) values
  ('LO001', 'invalid_input'),
  ('LO002', 'invalid_cursor'),
  ('LO003', 'unknown_field'),
  ('LO004', 'invalid_quantity'),
  ('LO005', 'invalid_dates'),
  ('LO010', 'forbidden'),
  ('LO011', 'profile_locked'),
  ('LO020', 'client_not_found'),
  ('LO021', 'order_not_found'),
  ('LO022', 'lead_not_found'),
  ('LO030', 'order_number_taken'),
  ('LO031', 'quantity_below_delivered'),
  ('LO032', 'invalid_status_transition'),
  ('LO033', 'delivered_count_read_only'),
  ('LO034', 'order_client_immutable'),
  ('LO040', 'order_not_active'),
  ('LO041', 'order_full'),
  ('LO042', 'lead_client_mismatch');
grant select on lead_orders.error_codes to authenticated, service_role;

-- Raises a refusal: SQLSTATE from the code, a human message, and `detail` as JSON
-- {"code": …, …context} so callers get machine-readable context through PostgREST.
create or replace function lead_orders.fail(p_code text, p_message text, p_context jsonb default '{}', p_hint text default null)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_state text;
begin
  select sqlstate into v_state from lead_orders.error_codes where code = p_code;
  if v_state is null then
    raise exception 'unknown error code %', p_code;
  end if;
  if p_hint is null then
    raise exception using errcode = v_state, message = p_message,
      detail = (jsonb_build_object('code', p_code) || coalesce(p_context, '{}'))::text;
  end if;
  raise exception using errcode = v_state, message = p_message, hint = p_hint,
    detail = (jsonb_build_object('code', p_code) || coalesce(p_context, '{}'))::text;
end;
$$;

-- The one definition of a delivered lead.
create or replace function public.is_delivered_status(p_status text) returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select p_status in ('Approved', 'Lead')
$$;

-- Who may manage orders. `role` is the role PostgREST switched to (it survives SECURITY DEFINER,
-- unlike current_user): API users are judged by their profile; the service role and direct
-- database connections (migrations, workers with database credentials) are trusted.
create or replace function public.is_order_admin() returns boolean
language sql
stable
set search_path = ''
as $$
  select case current_setting('role')
    when 'anon' then false
    when 'authenticated' then coalesce(public.is_admin(auth.uid()), false)
    else true
  end
$$;

-- The client ids owned by the signed-in user, by clients.profile_id (never by name).
-- SECURITY DEFINER so policies can call it without recursing into clients' own policies.
create or replace function public.my_client_ids() returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(array_agg(c.id order by c.id), '{}')
  from public.clients c
  where c.profile_id = auth.uid()
$$;

create index if not exists idx_clients_profile_id on public.clients (profile_id);

revoke execute on function lead_orders.fail(text, text, jsonb, text) from public, anon;
revoke execute on function public.is_order_admin() from public, anon;
revoke execute on function public.my_client_ids() from public, anon;
grant execute on function lead_orders.fail(text, text, jsonb, text) to authenticated, service_role;
grant execute on function public.is_order_admin(), public.my_client_ids() to authenticated, service_role;
revoke execute on function public.is_delivered_status(text) from public, anon;
grant execute on function public.is_delivered_status(text) to authenticated, service_role;
