-- The agency's time zone: what "today" means for everything the database stores and counts.
--
-- The database server's clock runs in UTC (Supabase) and current_date is the session's date, so
-- an order due 2026-11-30 was "due today" for an agency in Pacific/Auckland already on its
-- 1 December. One setting, lead_orders.agency_settings.time_zone (an IANA name, default 'UTC'),
-- and one function, lead_orders.agency_today(), replace current_date everywhere: days left,
-- overdue, the pace line (the order_summary view), completion_date (the order trigger) and the
-- year in automatic order numbers. Widgets show dates in the viewer's own zone; this is the
-- agency's, for what is stored and counted.

create table lead_orders.agency_settings (
  -- One row: the primary key can only be true.
  id boolean primary key default true check (id),
  time_zone text not null default 'UTC' check (length(time_zone) between 1 and 64),
  updated_at timestamptz not null default now()
);
insert into lead_orders.agency_settings (id) values (true);
-- Nothing secret: signed-in users read it (get_agency_settings); only set_agency_time_zone writes.
revoke all on lead_orders.agency_settings from public, anon, authenticated, service_role;
grant select on lead_orders.agency_settings to authenticated, service_role;
comment on table lead_orders.agency_settings is 'One row of agency-wide settings. time_zone: IANA name used for "today" (default UTC).';

-- The agency's IANA time zone name.
create or replace function lead_orders.agency_time_zone() returns text
language sql
stable
set search_path = ''
as $$
  select coalesce((select s.time_zone from lead_orders.agency_settings s where s.id), 'UTC')
$$;

-- Today's date in the agency's time zone (at the transaction's now(), so stable within it).
-- Call it as `(select lead_orders.agency_today())` in queries over many rows: the planner then
-- evaluates it once per statement instead of once per row.
create or replace function lead_orders.agency_today() returns date
language sql
stable
set search_path = ''
as $$
  select (pg_catalog.now() at time zone lead_orders.agency_time_zone())::date
$$;

revoke execute on function lead_orders.agency_time_zone() from public, anon;
revoke execute on function lead_orders.agency_today() from public, anon;
grant execute on function lead_orders.agency_time_zone(), lead_orders.agency_today() to authenticated, service_role;

-- The settings as JSON: { time_zone }. Anyone signed in may read them (a portal shows dates).
create or replace function public.get_agency_settings() returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object('time_zone', lead_orders.agency_time_zone())
$$;

-- Sets the agency's time zone (admins only). p_time_zone: an IANA name known to the server
-- (pg_timezone_names, e.g. 'Europe/Paris', 'Pacific/Auckland', 'UTC'), at most 64 characters.
-- Errors: forbidden (not an admin), invalid_input (null, too long or unknown name).
-- SECURITY DEFINER: the settings table is writable by nobody else; the admin check comes first.
create or replace function public.set_agency_time_zone(p_time_zone text) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform lead_orders.require_order_admin();
  if p_time_zone is null or length(p_time_zone) > 64
     or not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = p_time_zone) then
    perform lead_orders.fail('invalid_input', 'p_time_zone must be a known IANA time zone name, such as Europe/Paris.',
      jsonb_build_object('field', 'p_time_zone'));
  end if;
  update lead_orders.agency_settings set time_zone = p_time_zone, updated_at = now() where id;
  return public.get_agency_settings();
end;
$$;

revoke execute on function public.get_agency_settings() from public, anon;
revoke execute on function public.set_agency_time_zone(text) from public, anon;
grant execute on function public.get_agency_settings(), public.set_agency_time_zone(text) to authenticated, service_role;

-- Automatic order numbers carry the agency's year.
create or replace function public.next_order_number() returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_year int := extract(year from lead_orders.agency_today())::int;
  v_next int;
  v_number text;
begin
  -- Callable through the API as an RPC too; only those who may create orders may draw numbers.
  if not public.is_order_admin() then
    perform lead_orders.fail('forbidden', 'Only admins can draw order numbers.');
  end if;
  loop
    insert into public.order_number_counters as c (year, last_value)
    values (v_year, 1)
    on conflict (year) do update set last_value = c.last_value + 1
    returning c.last_value into v_next;
    -- At least three digits; lpad alone would cut 1000 and up back to three.
    v_number := format('ORD-%s-%s', v_year, lpad(v_next::text, greatest(3, length(v_next::text)), '0'));
    -- Skip numbers an admin already chose by hand.
    exit when not exists (select 1 from public.orders where order_number = v_number);
  end loop;
  return v_number;
end;
$$;

-- completion_date is the agency's date (the rest of the order rules are unchanged).
create or replace function lead_orders.orders_before_update() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_was_full boolean := old.leads_purchased > 0 and old.leads_delivered >= old.leads_purchased;
  v_is_full boolean;
  v_automatic boolean := false;
begin
  if new.leads_delivered is distinct from old.leads_delivered
     and coalesce(current_setting('lead_orders.derived_write', true), 'off') <> 'on' then
    perform lead_orders.fail('delivered_count_read_only',
      'leads_delivered is derived from the order''s leads and cannot be written.',
      jsonb_build_object('order_id', old.id),
      'Assign or unassign leads instead.');
  end if;
  if new.client_id is distinct from old.client_id then
    perform lead_orders.fail('order_client_immutable', 'An order cannot move to another client.',
      jsonb_build_object('order_id', old.id), 'Create a new order for the other client.');
  end if;
  if new.leads_purchased < new.leads_delivered then
    perform lead_orders.fail('quantity_below_delivered',
      format('leads_purchased (%s) cannot be below the %s leads already delivered.', new.leads_purchased, new.leads_delivered),
      jsonb_build_object('order_id', old.id, 'leads_purchased', new.leads_purchased, 'leads_delivered', new.leads_delivered));
  end if;

  v_is_full := new.leads_purchased > 0 and new.leads_delivered >= new.leads_purchased;
  if new.status is distinct from old.status then
    if not public.is_legal_order_transition(old.status, new.status) then
      perform lead_orders.fail('invalid_status_transition',
        format('An order cannot go from %s to %s.', old.status, new.status),
        jsonb_build_object('order_id', old.id, 'from', old.status, 'to', new.status));
    end if;
    if old.status = 'Completed' and new.status = 'Active' and v_is_full then
      perform lead_orders.fail('invalid_status_transition',
        'A full order cannot be reopened; increase its quantity first.',
        jsonb_build_object('order_id', old.id, 'from', old.status, 'to', new.status));
    end if;
  end if;

  if new.status = 'Active' and v_is_full then
    new.status := 'Completed';
    v_automatic := old.status = 'Active';
  elsif old.status = 'Completed' and new.status = 'Completed' and v_was_full and not v_is_full then
    new.status := 'Active';
    v_automatic := true;
  end if;

  if new.status = 'Completed' and old.status <> 'Completed' then
    new.completion_date := coalesce(new.completion_date, lead_orders.agency_today());
  elsif new.status <> 'Completed' then
    new.completion_date := null;
  end if;

  if new.status is distinct from old.status then
    perform lead_orders.record_event(old.id, 'status_changed', null,
      jsonb_build_object('from', old.status, 'to', new.status, 'automatic', v_automatic));
  end if;
  if new.leads_purchased is distinct from old.leads_purchased then
    perform lead_orders.record_event(old.id, 'quantity_changed', null,
      jsonb_build_object('from', old.leads_purchased, 'to', new.leads_purchased));
  end if;
  return new;
end;
$$;
