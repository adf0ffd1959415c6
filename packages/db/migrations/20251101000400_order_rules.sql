-- The rules of an order, enforced on the table itself so they hold for the RPC functions and
-- for direct PostgREST writes alike: status transitions, completion, quantities, dates,
-- unique numbers, and the delivered count being derived only.
--
-- Transitions (anything else is refused with invalid_status_transition):
--   Draft     -> Active | Cancelled
--   Active    -> Paused | Completed | Cancelled
--   Paused    -> Active | Completed | Cancelled
--   Completed -> Active (only while not full)
--   Cancelled -> (none)
-- Automatic: an Active order that reaches 100% becomes Completed (completion_date today);
-- a Completed order that was full and stops being full becomes Active again.

create or replace function public.is_legal_order_transition(p_from public.order_status, p_to public.order_status)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_from = p_to or (p_from, p_to) in (
    ('Draft', 'Active'), ('Draft', 'Cancelled'),
    ('Active', 'Paused'), ('Active', 'Completed'), ('Active', 'Cancelled'),
    ('Paused', 'Active'), ('Paused', 'Completed'), ('Paused', 'Cancelled'),
    ('Completed', 'Active')
  )
$$;

create or replace function lead_orders.check_order_fields() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.order_number is null or btrim(new.order_number) = '' then
    perform lead_orders.fail('invalid_input', 'order_number must not be blank.', jsonb_build_object('field', 'order_number'));
  end if;
  if (tg_op = 'INSERT' or new.order_number is distinct from old.order_number)
     and exists (select 1 from public.orders o where o.order_number = new.order_number and o.id <> new.id) then
    perform lead_orders.fail('order_number_taken', format('Order number %s is already taken.', new.order_number),
      jsonb_build_object('order_number', new.order_number));
  end if;
  if new.start_date is not null and new.target_delivery_date is not null and new.start_date > new.target_delivery_date then
    perform lead_orders.fail('invalid_dates',
      format('start_date %s is after target_delivery_date %s.', new.start_date, new.target_delivery_date),
      jsonb_build_object('start_date', new.start_date, 'target_delivery_date', new.target_delivery_date));
  end if;
  if new.leads_purchased is null or new.leads_purchased < 0 then
    perform lead_orders.fail('invalid_quantity', 'leads_purchased must be zero or more.',
      jsonb_build_object('leads_purchased', new.leads_purchased));
  end if;
  if new.status is null then
    perform lead_orders.fail('invalid_input', 'status must not be null.', jsonb_build_object('field', 'status'));
  end if;
  new.priority := coalesce(new.priority, 0);
  return new;
end;
$$;

create or replace function lead_orders.orders_before_insert() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- A new order has no leads yet; the count is only ever moved by its leads.
  new.leads_delivered := 0;
  if new.status not in ('Draft', 'Active', 'Paused') then
    perform lead_orders.fail('invalid_status_transition',
      format('A new order starts as Draft, Active or Paused, not %s.', new.status),
      jsonb_build_object('to', new.status));
  end if;
  new.completion_date := null;
  return new;
end;
$$;

create or replace function lead_orders.orders_after_insert() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform lead_orders.record_event(new.id, 'created', null,
    jsonb_build_object('order_number', new.order_number, 'status', new.status, 'leads_purchased', new.leads_purchased));
  return null;
end;
$$;

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
    new.completion_date := coalesce(new.completion_date, current_date);
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

-- Triggers fire in name order: field checks first, then the transition rules.
create trigger orders_a_check_fields
  before insert or update on public.orders
  for each row execute function lead_orders.check_order_fields();
create trigger orders_b_before_insert
  before insert on public.orders
  for each row execute function lead_orders.orders_before_insert();
create trigger orders_b_before_update
  before update on public.orders
  for each row execute function lead_orders.orders_before_update();
create trigger orders_c_after_insert
  after insert on public.orders
  for each row execute function lead_orders.orders_after_insert();

revoke execute on function public.is_legal_order_transition(public.order_status, public.order_status) from public, anon;
grant execute on function public.is_legal_order_transition(public.order_status, public.order_status) to authenticated, service_role;
revoke execute on function lead_orders.check_order_fields() from public, anon, authenticated;
revoke execute on function lead_orders.orders_before_insert() from public, anon, authenticated;
revoke execute on function lead_orders.orders_after_insert() from public, anon, authenticated;
revoke execute on function lead_orders.orders_before_update() from public, anon, authenticated;
