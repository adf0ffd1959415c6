-- The write path under the order's row lock, in one global lock order, independent of the
-- agency's own row policies.
--
-- 1. Every rule that depends on the order (status, capacity, quantity, client) is decided under
--    the order's row lock, on the row as it is after waiting. leads_before_write read the order
--    without a lock: an assignment that started while another transaction was pausing the order
--    passed the status check on the old row, waited in the counter update, and then put a
--    delivered lead into the Paused order. It now locks the order (or both orders of a move)
--    before reading it; a lead that does not count yet is covered too (it never reached the
--    counter's lock before).
-- 2. One lock order for every writer: leads by id, then orders by id (FOR NO KEY UPDATE). The bulk
--    assignment locked the target first and each source order only as its lead was updated, so
--    two admins moving leads from A, E, B into C and from B, F, A into D deadlocked. Multi-row
--    writes now lock all their leads, then every order they touch (sources and target), each in
--    id order, before changing anything. A direct multi-row `update leads set order_id` through
--    PostgREST still locks row by row (a statement cannot announce its rows); use
--    assign_leads_to_order for bulk moves.
-- 3. The write functions are SECURITY DEFINER: each decides the caller's rights once
--    (lead_orders.require_order_admin, the explicit admin list) and then reads and writes
--    leads, clients and orders as their owner, so the agency's per-row policies (often
--    `using (public.is_admin(auth.uid()))`, evaluated per row) never run inside them. Nobody can
--    reach more through them: non-admins are refused before anything is read.
-- 4. A lead moved to another client's order (assign_lead_to_client) records lead_moved on both
--    orders without naming the other client's order: each client reads only its own ids.

-- Locks the given orders (nulls and unknown ids are skipped) in id order.
create or replace function lead_orders.lock_orders(p_order_ids uuid[]) returns void
language plpgsql
set search_path = ''
as $$
begin
  perform 1 from public.orders o where o.id = any (p_order_ids) order by o.id for no key update;
end;
$$;
revoke execute on function lead_orders.lock_orders(uuid[]) from public, anon, authenticated;

-- Before a lead row is written: lock and read the order(s) it joins or leaves, enforce who may
-- join, and stamp delivered_at.
create or replace function lead_orders.leads_before_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_order record;
  v_counted_before boolean := false;
  v_counts_now boolean;
begin
  -- A lead handed to another client leaves an order of its former client.
  if tg_op = 'UPDATE' and new.client_id is distinct from old.client_id
     and new.order_id is not null and new.order_id = old.order_id
     and not exists (select 1 from public.orders o where o.id = new.order_id and o.client_id = new.client_id) then
    new.order_id := null;
  end if;

  if new.order_id is not null and (tg_op = 'INSERT' or new.order_id is distinct from old.order_id) then
    -- Both orders of a move, in id order (the counter updates after this reuse the locks), and
    -- the order read only once it is ours: its status is the one after any writer before us.
    perform lead_orders.lock_orders(array[new.order_id, case when tg_op = 'UPDATE' then old.order_id end]);
    select o.id, o.order_number, o.status, o.client_id into v_order from public.orders o where o.id = new.order_id;
    if v_order.id is null then
      perform lead_orders.fail('order_not_found', format('Order %s does not exist.', new.order_id),
        jsonb_build_object('order_id', new.order_id));
    end if;
    if v_order.status <> 'Active' then
      perform lead_orders.fail('order_not_active',
        format('Order %s is %s; leads can only be assigned to Active orders.', v_order.order_number, v_order.status),
        jsonb_build_object('order_id', v_order.id, 'status', v_order.status),
        'Resume or activate the order first.');
    end if;
    if new.client_id is distinct from v_order.client_id then
      perform lead_orders.fail('lead_client_mismatch',
        format('Lead %s belongs to another client than order %s.', new.id, v_order.order_number),
        jsonb_build_object('lead_id', new.id, 'order_id', v_order.id,
          'lead_client_id', new.client_id, 'order_client_id', v_order.client_id),
        'Assign the lead to the order''s client first (assign_lead_to_client).');
    end if;
  end if;

  if tg_op = 'UPDATE' then
    v_counted_before := old.order_id is not null and public.is_delivered_status(old.status);
  end if;
  v_counts_now := new.order_id is not null and public.is_delivered_status(new.status);
  if not v_counts_now then
    new.delivered_at := null;
  elsif tg_op = 'INSERT' or not v_counted_before or new.order_id is distinct from old.order_id then
    -- An explicitly given time is kept (importing history); otherwise delivery is now.
    if tg_op = 'INSERT' or new.delivered_at is not distinct from old.delivered_at then
      new.delivered_at := coalesce(case when tg_op = 'INSERT' then new.delivered_at end, now());
    end if;
  end if;
  return new;
end;
$$;

-- After a lead row is written: move the counts and write the order history. A move between two
-- clients' orders names only each side's own order.
create or replace function lead_orders.leads_after_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old_order uuid;
  v_new_order uuid;
  v_old_counted uuid;
  v_new_counted uuid;
  v_same_client boolean;
begin
  if tg_op <> 'INSERT' then
    v_old_order := old.order_id;
    v_old_counted := case when public.is_delivered_status(old.status) then old.order_id end;
  end if;
  if tg_op <> 'DELETE' then
    v_new_order := new.order_id;
    v_new_counted := case when public.is_delivered_status(new.status) then new.order_id end;
  end if;

  if v_old_counted is distinct from v_new_counted then
    -- Two orders are always locked in the same (id) order so opposite moves cannot deadlock.
    if v_old_counted is not null and v_new_counted is not null and v_new_counted < v_old_counted then
      perform lead_orders.shift_delivered(v_new_counted, 1);
      perform lead_orders.shift_delivered(v_old_counted, -1);
    else
      if v_old_counted is not null then perform lead_orders.shift_delivered(v_old_counted, -1); end if;
      if v_new_counted is not null then perform lead_orders.shift_delivered(v_new_counted, 1); end if;
    end if;
  end if;

  if v_old_order is distinct from v_new_order then
    if v_old_order is null then
      perform lead_orders.record_event(v_new_order, 'lead_assigned', new.id,
        jsonb_build_object('delivered', v_new_counted is not null));
    elsif v_new_order is null then
      perform lead_orders.record_event(v_old_order, 'lead_unassigned', old.id,
        jsonb_build_object('reason', case when tg_op = 'DELETE' then 'lead_deleted'
          when new.client_id is distinct from old.client_id then 'client_changed' else 'unassigned' end));
    else
      -- Orders belong to their leads' clients, so the leads' clients tell whose orders these are.
      v_same_client := new.client_id is not distinct from old.client_id;
      perform lead_orders.record_event(v_old_order, 'lead_moved', new.id,
        jsonb_build_object('from_order_id', v_old_order, 'to_order_id', case when v_same_client then v_new_order end,
          'other_client', not v_same_client));
      perform lead_orders.record_event(v_new_order, 'lead_moved', new.id,
        jsonb_build_object('from_order_id', case when v_same_client then v_old_order end, 'to_order_id', v_new_order,
          'other_client', not v_same_client, 'delivered', v_new_counted is not null));
    end if;
  elsif v_new_order is not null and v_old_counted is distinct from v_new_counted then
    perform lead_orders.record_event(v_new_order,
      case when v_new_counted is not null then 'lead_delivered' else 'lead_undelivered' end, new.id,
      jsonb_build_object('from_status', old.status, 'to_status', new.status));
  end if;
  return null;
end;
$$;

-- History already written: a move between two clients' orders forgets the other side's order.
update public.order_events e
   set data = e.data || jsonb_build_object(
         case when (e.data ->> 'from_order_id')::uuid = e.order_id then 'to_order_id' else 'from_order_id' end, null,
         'other_client', true)
 where e.event_type = 'lead_moved'
   and exists (select 1 from public.orders other
                where other.id = case when (e.data ->> 'from_order_id')::uuid = e.order_id
                                      then (e.data ->> 'to_order_id')::uuid else (e.data ->> 'from_order_id')::uuid end
                  and other.client_id <> e.client_id);

-- create_order and update_order: SECURITY DEFINER after the admin check; update_order compares
-- numbers as numeric against the bounds before casting, so 1e20 is invalid_quantity, not 22003.
create or replace function public.create_order(
  p_client_id uuid,
  p_leads_purchased int,
  p_order_number text default null,
  p_name text default null,
  p_description text default null,
  p_target_delivery_date date default null,
  p_start_date date default null,
  p_priority int default 0,
  p_status public.order_status default 'Draft'
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  -- The caller's rights, decided once; then the function works as the tables' owner.
  perform lead_orders.require_order_admin();
  if p_client_id is null then
    perform lead_orders.fail('invalid_input', 'p_client_id is required.', jsonb_build_object('field', 'p_client_id'));
  end if;
  if p_leads_purchased is null or p_leads_purchased < 1 then
    perform lead_orders.fail('invalid_quantity', 'p_leads_purchased must be a positive number of leads.',
      jsonb_build_object('field', 'p_leads_purchased', 'value', p_leads_purchased));
  end if;
  if p_order_number is not null and btrim(p_order_number) = '' then
    perform lead_orders.fail('invalid_input', 'p_order_number must not be blank; pass null for an automatic number.',
      jsonb_build_object('field', 'p_order_number'));
  end if;
  if not exists (select 1 from public.clients where id = p_client_id) then
    perform lead_orders.fail('client_not_found', format('Client %s does not exist.', p_client_id),
      jsonb_build_object('client_id', p_client_id));
  end if;

  loop
    begin
      insert into public.orders (order_number, client_id, name, description, leads_purchased,
                                 target_delivery_date, start_date, priority, status)
      values (coalesce(btrim(p_order_number), public.next_order_number()), p_client_id, p_name, p_description,
              p_leads_purchased, p_target_delivery_date, p_start_date, coalesce(p_priority, 0), coalesce(p_status, 'Draft'))
      returning id into v_id;
      return lead_orders.order_json(v_id);
    exception when unique_violation then
      -- Someone took the number at the same moment (the trigger's check cannot see an
      -- uncommitted order). An automatic number simply draws the next one.
      if p_order_number is not null then
        perform lead_orders.fail('order_number_taken', format('Order number %s is already taken.', btrim(p_order_number)),
          jsonb_build_object('order_number', btrim(p_order_number)));
      end if;
    end;
  end loop;
end;
$$;

create or replace function public.update_order(p_order_id uuid, p_changes jsonb) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_allowed constant text[] := array['order_number', 'name', 'description', 'leads_purchased',
    'target_delivery_date', 'start_date', 'status', 'priority'];
  v_unknown text[];
  v_order public.orders;
  v_key text;
  v_value jsonb;
begin
  perform lead_orders.require_order_admin();
  if p_order_id is null then
    perform lead_orders.fail('invalid_input', 'p_order_id is required.', jsonb_build_object('field', 'p_order_id'));
  end if;
  if p_changes is null or jsonb_typeof(p_changes) <> 'object' then
    perform lead_orders.fail('invalid_input', 'p_changes must be a JSON object of fields to change.',
      jsonb_build_object('field', 'p_changes'));
  end if;
  select array_agg(k order by k) into v_unknown from jsonb_object_keys(p_changes) k where k <> all (v_allowed);
  if v_unknown is not null then
    perform lead_orders.fail('unknown_field', format('update_order cannot change: %s.', array_to_string(v_unknown, ', ')),
      jsonb_build_object('fields', to_jsonb(v_unknown), 'allowed', to_jsonb(v_allowed)));
  end if;

  -- Check each value's JSON type here so a wrong type is invalid_input naming the field.
  for v_key, v_value in select * from jsonb_each(p_changes) loop
    if not (case
      when v_key in ('order_number', 'status') then jsonb_typeof(v_value) = 'string'
      when v_key in ('name', 'description') then jsonb_typeof(v_value) in ('string', 'null')
      when v_key in ('target_delivery_date', 'start_date') then
        jsonb_typeof(v_value) = 'null' or (jsonb_typeof(v_value) = 'string' and (v_value #>> '{}') ~ '^\d{4}-\d{2}-\d{2}$')
      when v_key = 'leads_purchased' then jsonb_typeof(v_value) = 'number' and (v_value #>> '{}') ~ '^-?\d+$'
      when v_key = 'priority' then jsonb_typeof(v_value) = 'number' and (v_value #>> '{}') ~ '^-?\d+$'
    end) then
      perform lead_orders.fail('invalid_input', format('%s has the wrong type or format.', v_key),
        jsonb_build_object('field', v_key, 'value', v_value));
    end if;
    -- Whole numbers of any size pass the pattern: compare as numeric, before any cast to int
    -- could fail with a raw 22003.
    if v_key = 'leads_purchased' and (v_value #>> '{}')::numeric not between 1 and 10000000 then
      perform lead_orders.fail('invalid_quantity', 'leads_purchased must be between 1 and 10,000,000.',
        jsonb_build_object('field', 'leads_purchased', 'value', v_value, 'max', 10000000));
    end if;
    if v_key = 'priority' and (v_value #>> '{}')::numeric not between -1000 and 1000 then
      perform lead_orders.fail('invalid_input', 'priority must be between -1000 and 1000.',
        jsonb_build_object('field', 'priority', 'value', v_value, 'min', -1000, 'max', 1000));
    end if;
  end loop;
  if p_changes ? 'status' and not (p_changes ->> 'status') = any (enum_range(null::public.order_status)::text[]) then
    perform lead_orders.fail('invalid_input', format('%s is not an order status.', p_changes ->> 'status'),
      jsonb_build_object('field', 'status', 'allowed', to_jsonb(enum_range(null::public.order_status))));
  end if;

  -- FOR NO KEY UPDATE, as every other writer of the order takes it: enough to serialise them,
  -- without blocking inserts of leads that merely reference the order.
  select * into v_order from public.orders where id = p_order_id for no key update;
  if v_order.id is null then
    perform lead_orders.fail('order_not_found', format('Order %s does not exist.', p_order_id),
      jsonb_build_object('order_id', p_order_id));
  end if;

  begin
    update public.orders set
      order_number = case when p_changes ? 'order_number' then btrim(p_changes ->> 'order_number') else order_number end,
      name = case when p_changes ? 'name' then p_changes ->> 'name' else name end,
      description = case when p_changes ? 'description' then p_changes ->> 'description' else description end,
      leads_purchased = case when p_changes ? 'leads_purchased' then (p_changes ->> 'leads_purchased')::int else leads_purchased end,
      target_delivery_date = case when p_changes ? 'target_delivery_date' then (p_changes ->> 'target_delivery_date')::date else target_delivery_date end,
      start_date = case when p_changes ? 'start_date' then (p_changes ->> 'start_date')::date else start_date end,
      status = case when p_changes ? 'status' then (p_changes ->> 'status')::public.order_status else status end,
      priority = case when p_changes ? 'priority' then (p_changes ->> 'priority')::int else priority end
    where id = p_order_id;
  exception
    when invalid_datetime_format or datetime_field_overflow or numeric_value_out_of_range then
      perform lead_orders.fail('invalid_input', 'A date or number in p_changes is out of range.',
        jsonb_build_object('field', 'p_changes'));
    when unique_violation then
      perform lead_orders.fail('order_number_taken', format('Order number %s is already taken.', p_changes ->> 'order_number'),
        jsonb_build_object('order_number', p_changes ->> 'order_number'));
  end;
  return lead_orders.order_json(p_order_id);
end;
$$;

-- p_order_id null takes the lead out of its order; another order moves it (both counts change).
-- Locks: the lead, then its current order and p_order_id in id order.
create or replace function public.assign_lead_to_order(p_lead_id uuid, p_order_id uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.leads;
  v_lead jsonb;
begin
  perform lead_orders.require_order_admin();
  v_before := lead_orders.lock_lead(p_lead_id);
  perform lead_orders.lock_orders(array[v_before.order_id, p_order_id]);
  update public.leads l set order_id = p_order_id where l.id = p_lead_id returning to_jsonb(l) into v_lead;
  return jsonb_build_object(
    'lead', v_lead,
    'order', case when p_order_id is not null then lead_orders.order_json(p_order_id) end,
    'previous_order', case when v_before.order_id is distinct from p_order_id and v_before.order_id is not null
      then lead_orders.order_json(v_before.order_id) end);
end;
$$;

-- All or nothing: every lead (at most 10,000 per call), then every order they leave or join,
-- locked in id order before anything changes; then one statement moves them all.
create or replace function public.assign_leads_to_order(p_lead_ids uuid[], p_order_id uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_ids uuid[];
  v_missing uuid[];
  v_sources uuid[];
  v_order record;
  v_needed int;
  v_leads jsonb;
begin
  perform lead_orders.require_order_admin();
  if p_lead_ids is null or cardinality(p_lead_ids) = 0 or array_position(p_lead_ids, null) is not null then
    perform lead_orders.fail('invalid_input', 'p_lead_ids must be a non-empty list of lead ids.',
      jsonb_build_object('field', 'p_lead_ids'));
  end if;
  if cardinality(p_lead_ids) > 10000 then
    perform lead_orders.fail('invalid_input', 'p_lead_ids may hold at most 10,000 lead ids per call.',
      jsonb_build_object('field', 'p_lead_ids', 'max_length', 10000));
  end if;
  select array_agg(distinct u.lead_id order by u.lead_id) into v_ids from unnest(p_lead_ids) as u(lead_id);

  perform 1 from public.leads where id = any (v_ids) order by id for update;
  select array_agg(u.lead_id order by u.lead_id) into v_missing
    from unnest(v_ids) as u(lead_id) where not exists (select 1 from public.leads l where l.id = u.lead_id);
  if v_missing is not null then
    perform lead_orders.fail('lead_not_found', format('%s of the leads do not exist.', cardinality(v_missing)),
      jsonb_build_object('lead_ids', to_jsonb(v_missing)));
  end if;
  select array_agg(distinct l.order_id) into v_sources from public.leads l where l.id = any (v_ids) and l.order_id is not null;
  perform lead_orders.lock_orders(coalesce(v_sources, '{}') || p_order_id);

  if p_order_id is not null then
    select o.id, o.order_number, o.leads_remaining, o.status into v_order from public.orders o where o.id = p_order_id;
    if v_order.id is not null and v_order.status = 'Active' then
      select count(*) into v_needed from public.leads l
       where l.id = any (v_ids) and public.is_delivered_status(l.status) and l.order_id is distinct from p_order_id;
      if v_needed > v_order.leads_remaining then
        perform lead_orders.fail('order_full',
          format('Order %s has %s places left; these leads need %s.', v_order.order_number, v_order.leads_remaining, v_needed),
          jsonb_build_object('order_id', v_order.id, 'leads_remaining', v_order.leads_remaining, 'leads_needed', v_needed),
          'Choose fewer leads or increase the order''s quantity.');
      end if;
    end if;
  end if;

  with changed as (
    update public.leads set order_id = p_order_id where id = any (v_ids) returning *
  )
  select jsonb_agg(to_jsonb(changed) order by changed.id) into v_leads from changed;

  return jsonb_build_object(
    'leads', v_leads,
    'order', case when p_order_id is not null then lead_orders.order_json(p_order_id) end);
end;
$$;

-- The proposal's updated assign-lead-to-client flow: client and order chosen together
-- (p_order_id null: "assign without order"). Locks: the lead, then both orders in id order.
create or replace function public.assign_lead_to_client(p_lead_id uuid, p_client_id uuid, p_order_id uuid default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.leads;
  v_after public.leads;
begin
  perform lead_orders.require_order_admin();
  if p_client_id is null then
    perform lead_orders.fail('invalid_input', 'p_client_id is required.', jsonb_build_object('field', 'p_client_id'));
  end if;
  v_before := lead_orders.lock_lead(p_lead_id);
  if not exists (select 1 from public.clients where id = p_client_id) then
    perform lead_orders.fail('client_not_found', format('Client %s does not exist.', p_client_id),
      jsonb_build_object('client_id', p_client_id));
  end if;
  perform lead_orders.lock_orders(array[v_before.order_id, p_order_id]);
  -- Keeping the lead's current order while changing its client: the lead trigger would take it
  -- out of that order silently, so refuse here as any other cross-client assignment is refused.
  if p_order_id is not null and p_order_id = v_before.order_id and exists (select 1 from public.orders o where o.id = p_order_id and o.client_id <> p_client_id) then
    perform lead_orders.fail('lead_client_mismatch',
      format('Order %s belongs to another client than %s.', p_order_id, p_client_id),
      jsonb_build_object('lead_id', p_lead_id, 'order_id', p_order_id, 'client_id', p_client_id),
      'Choose one of the client''s own orders, or none.');
  end if;
  update public.leads set client_id = p_client_id, order_id = p_order_id where id = p_lead_id returning * into v_after;
  return jsonb_build_object(
    'lead', to_jsonb(v_after),
    'order', case when p_order_id is not null then lead_orders.order_json(p_order_id) end,
    'previous_order', case when v_before.order_id is distinct from p_order_id and v_before.order_id is not null
      then lead_orders.order_json(v_before.order_id) end);
end;
$$;

-- The maintenance functions: SECURITY DEFINER after the admin check, like the writes above.
create or replace function public.rebuild_order_counts() returns jsonb
language plpgsql
security definer
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

create or replace function public.backfill_default_orders() returns jsonb
language plpgsql
security definer
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
