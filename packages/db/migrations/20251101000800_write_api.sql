-- Write functions (the proposal's create-order, update-order, assign-lead-to-order and the
-- updated assign-lead-to-client). security invoker: the caller's RLS still applies; each checks
-- the caller may manage orders first so a refusal is `forbidden`, not an RLS message.
-- The rules themselves (capacity, status, dates, numbers) live in the table triggers.

create or replace function lead_orders.require_order_admin() returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if not public.is_order_admin() then
    perform lead_orders.fail('forbidden', 'Only admins can manage orders and assign leads.');
  end if;
end;
$$;
revoke execute on function lead_orders.require_order_admin() from public, anon;
grant execute on function lead_orders.require_order_admin() to authenticated, service_role;

create or replace function lead_orders.lock_lead(p_lead_id uuid) returns public.leads
language plpgsql
set search_path = ''
as $$
declare
  v_lead public.leads;
begin
  if p_lead_id is null then
    perform lead_orders.fail('invalid_input', 'p_lead_id is required.', jsonb_build_object('field', 'p_lead_id'));
  end if;
  select * into v_lead from public.leads where id = p_lead_id for update;
  if v_lead.id is null then
    perform lead_orders.fail('lead_not_found', format('Lead %s does not exist.', p_lead_id), jsonb_build_object('lead_id', p_lead_id));
  end if;
  return v_lead;
end;
$$;
revoke execute on function lead_orders.lock_lead(uuid) from public, anon;
grant execute on function lead_orders.lock_lead(uuid) to authenticated, service_role;

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
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
begin
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

-- p_changes holds only the fields to change; an unknown key is refused rather than ignored.
create or replace function public.update_order(p_order_id uuid, p_changes jsonb) returns jsonb
language plpgsql
security invoker
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
  end loop;
  if p_changes ? 'status' and not (p_changes ->> 'status') = any (enum_range(null::public.order_status)::text[]) then
    perform lead_orders.fail('invalid_input', format('%s is not an order status.', p_changes ->> 'status'),
      jsonb_build_object('field', 'status', 'allowed', to_jsonb(enum_range(null::public.order_status))));
  end if;
  if p_changes ? 'leads_purchased' and (p_changes ->> 'leads_purchased')::bigint < 1 then
    perform lead_orders.fail('invalid_quantity', 'leads_purchased must be a positive number of leads.',
      jsonb_build_object('field', 'leads_purchased', 'value', p_changes -> 'leads_purchased'));
  end if;

  select * into v_order from public.orders where id = p_order_id for update;
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
create or replace function public.assign_lead_to_order(p_lead_id uuid, p_order_id uuid) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_lead jsonb;
  v_previous uuid;
begin
  perform lead_orders.require_order_admin();
  if p_lead_id is null then
    perform lead_orders.fail('invalid_input', 'p_lead_id is required.', jsonb_build_object('field', 'p_lead_id'));
  end if;
  -- One statement locks the lead, remembers its order and moves it.
  with before as (
    select l.id, l.order_id from public.leads l where l.id = p_lead_id for update
  )
  update public.leads l set order_id = p_order_id
    from before
   where l.id = before.id
  returning to_jsonb(l), before.order_id into v_lead, v_previous;
  if v_lead is null then
    perform lead_orders.fail('lead_not_found', format('Lead %s does not exist.', p_lead_id), jsonb_build_object('lead_id', p_lead_id));
  end if;
  return jsonb_build_object(
    'lead', v_lead,
    'order', case when p_order_id is not null then lead_orders.order_json(p_order_id) end,
    'previous_order', case when v_previous is distinct from p_order_id and v_previous is not null
      then lead_orders.order_json(v_previous) end);
end;
$$;

-- All or nothing: one statement, so the first refusal undoes every lead's change.
create or replace function public.assign_leads_to_order(p_lead_ids uuid[], p_order_id uuid) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_ids uuid[];
  v_missing uuid[];
  v_order record;
  v_needed int;
  v_leads jsonb;
begin
  perform lead_orders.require_order_admin();
  if p_lead_ids is null or cardinality(p_lead_ids) = 0 or array_position(p_lead_ids, null) is not null then
    perform lead_orders.fail('invalid_input', 'p_lead_ids must be a non-empty list of lead ids.',
      jsonb_build_object('field', 'p_lead_ids'));
  end if;
  select array_agg(distinct u.lead_id order by u.lead_id) into v_ids from unnest(p_lead_ids) as u(lead_id);

  -- Leads first, in id order, then the order: the same lock order as single assignments.
  perform 1 from public.leads where id = any (v_ids) order by id for update;
  select array_agg(u.lead_id order by u.lead_id) into v_missing
    from unnest(v_ids) as u(lead_id) where not exists (select 1 from public.leads l where l.id = u.lead_id);
  if v_missing is not null then
    perform lead_orders.fail('lead_not_found', format('%s of the leads do not exist.', cardinality(v_missing)),
      jsonb_build_object('lead_ids', to_jsonb(v_missing)));
  end if;

  if p_order_id is not null then
    select o.id, o.order_number, o.leads_remaining, o.status into v_order from public.orders o where o.id = p_order_id for update;
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
-- (p_order_id null: "assign without order").
create or replace function public.assign_lead_to_client(p_lead_id uuid, p_client_id uuid, p_order_id uuid default null)
returns jsonb
language plpgsql
security invoker
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

revoke execute on function public.create_order(uuid, int, text, text, text, date, date, int, public.order_status) from public, anon;
revoke execute on function public.update_order(uuid, jsonb) from public, anon;
revoke execute on function public.assign_lead_to_order(uuid, uuid) from public, anon;
revoke execute on function public.assign_leads_to_order(uuid[], uuid) from public, anon;
revoke execute on function public.assign_lead_to_client(uuid, uuid, uuid) from public, anon;
grant execute on function public.create_order(uuid, int, text, text, text, date, date, int, public.order_status) to authenticated, service_role;
grant execute on function public.update_order(uuid, jsonb) to authenticated, service_role;
grant execute on function public.assign_lead_to_order(uuid, uuid) to authenticated, service_role;
grant execute on function public.assign_leads_to_order(uuid[], uuid) to authenticated, service_role;
grant execute on function public.assign_lead_to_client(uuid, uuid, uuid) to authenticated, service_role;
