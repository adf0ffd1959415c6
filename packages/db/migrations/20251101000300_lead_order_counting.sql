-- Leads belong to an order; the order's delivered count follows its leads exactly.
--
-- leads_delivered = the order's leads whose status is delivered (is_delivered_status), kept
-- by applying each change's difference (-1, 0, +1 per order touched) instead of recounting,
-- so a change costs the same whatever the order's size. The increment takes the order's row
-- lock and only succeeds while there is room, which is what keeps concurrent assignments from
-- overshooting capacity.

alter table public.leads
  add column order_id uuid references public.orders (id) on delete set null,
  add column delivered_at timestamptz;

comment on column public.leads.order_id is 'The order/campaign this lead belongs to';
comment on column public.leads.delivered_at is 'When the lead started counting as delivered to its current order';

create index idx_leads_order_id on public.leads (order_id);
create index idx_leads_client_order on public.leads (client_id, order_id);
create index idx_leads_order_delivered on public.leads (order_id, delivered_at desc nulls last) where order_id is not null;
create index idx_leads_delivered_at on public.leads (delivered_at) where delivered_at is not null;
create index idx_leads_client_delivered_at on public.leads (client_id, delivered_at) where delivered_at is not null;

-- Before a lead row is written: enforce who may join an order and stamp delivered_at.
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

-- Adds p_delta to an order's delivered count. The +1 only succeeds while there is room.
create or replace function lead_orders.shift_delivered(p_order_id uuid, p_delta int) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_order record;
  v_updated int;
begin
  perform set_config('lead_orders.derived_write', 'on', true);
  update public.orders
     set leads_delivered = leads_delivered + p_delta
   where id = p_order_id
     and (p_delta < 0 or leads_delivered + p_delta <= leads_purchased);
  get diagnostics v_updated = row_count;
  perform set_config('lead_orders.derived_write', 'off', true);
  if v_updated = 0 and p_delta > 0 then
    select o.id, o.order_number, o.leads_purchased, o.leads_delivered into v_order
      from public.orders o where o.id = p_order_id;
    if v_order.id is null then
      perform lead_orders.fail('order_not_found', format('Order %s does not exist.', p_order_id),
        jsonb_build_object('order_id', p_order_id));
    end if;
    perform lead_orders.fail('order_full',
      format('Order %s is full: %s of %s leads delivered.', v_order.order_number, v_order.leads_delivered, v_order.leads_purchased),
      jsonb_build_object('order_id', v_order.id, 'leads_purchased', v_order.leads_purchased,
        'leads_delivered', v_order.leads_delivered, 'leads_remaining', v_order.leads_purchased - v_order.leads_delivered),
      'Increase the order''s quantity or choose another order.');
  end if;
end;
$$;

-- After a lead row is written: move the counts and write the order history.
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
      perform lead_orders.record_event(v_old_order, 'lead_moved', new.id,
        jsonb_build_object('from_order_id', v_old_order, 'to_order_id', v_new_order));
      perform lead_orders.record_event(v_new_order, 'lead_moved', new.id,
        jsonb_build_object('from_order_id', v_old_order, 'to_order_id', v_new_order, 'delivered', v_new_counted is not null));
    end if;
  elsif v_new_order is not null and v_old_counted is distinct from v_new_counted then
    perform lead_orders.record_event(v_new_order,
      case when v_new_counted is not null then 'lead_delivered' else 'lead_undelivered' end, new.id,
      jsonb_build_object('from_status', old.status, 'to_status', new.status));
  end if;
  return null;
end;
$$;

create trigger leads_before_order_write
  before insert or update of order_id, status, client_id, delivered_at on public.leads
  for each row execute function lead_orders.leads_before_write();

create trigger leads_after_order_write
  after insert or delete or update of order_id, status, client_id on public.leads
  for each row execute function lead_orders.leads_after_write();

revoke execute on function lead_orders.leads_before_write() from public, anon, authenticated;
revoke execute on function lead_orders.leads_after_write() from public, anon, authenticated;
revoke execute on function lead_orders.shift_delivered(uuid, int) from public, anon, authenticated;
