-- The order work of every write of leads once per statement, with all its orders locked in id order.
--
-- The row triggers locked each row's orders as the row was written, in the statement's scan
-- order. Two multi-row writes through PostgREST that meet the same orders in opposite order
-- deadlocked (40P01 after deadlock_timeout): an admin's `PATCH /leads?id=in.(…)` with an order_id,
-- a status change that delivers leads of several orders, a multi-row import, a multi-row delete.
--
-- Now the row trigger keeps only the work that concerns the row itself (a lead handed to another
-- client leaves its former client's order, delivered_at is stamped, an unknown order is
-- order_not_found before the foreign key reports it as 23503), and three AFTER STATEMENT triggers
-- (one per event, as a trigger with transition tables serves one event) do the order work for the
-- whole statement, from its transition tables:
--   1. lock every order a changed lead leaves or joins, in id order (FOR NO KEY UPDATE). The
--      statement already holds its leads, so the one global order holds: leads, then orders by id;
--   2. decide under those locks, on the orders as they are after waiting, for the leads that join
--      an order, the lowest lead id first: order_not_found, order_not_active, lead_client_mismatch;
--      then the capacity of every order whose count grows (order_full), in order id order;
--   3. shift each order's delivered count once (a derived write, 20251207000000);
--   4. write each lead's history in lead id order, the same events and data the row trigger wrote.
-- A statement is refused whole: nothing it wrote stays. The rows of assign_leads_to_order's own
-- update (proven by its token, 20251206000000) are left to that function, as before.
--
-- Foreign-key checks of the new order_id still take key-share locks in row order; they do not
-- conflict with FOR NO KEY UPDATE, which every writer of orders' non-key columns takes.

-- Before a lead row is written: only what concerns this row.
create or replace function lead_orders.leads_before_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_counted_before boolean := false;
  v_counts_now boolean;
begin
  -- A lead handed to another client leaves an order of its former client (an order's client
  -- never changes, so this needs no lock).
  if tg_op = 'UPDATE' and new.client_id is distinct from old.client_id
     and new.order_id is not null and new.order_id = old.order_id
     and not exists (select 1 from public.orders o where o.id = new.order_id and o.client_id = new.client_id) then
    new.order_id := null;
  end if;

  -- An unknown order is order_not_found here: the foreign key would refuse it (23503) before the
  -- statement trigger decides. Everything else about the order is decided under its lock there.
  if new.order_id is not null and (tg_op = 'INSERT' or new.order_id is distinct from old.order_id)
     and not exists (select 1 from public.orders o where o.id = new.order_id) then
    perform lead_orders.fail('order_not_found', format('Order %s does not exist.', new.order_id),
      jsonb_build_object('order_id', new.order_id));
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

-- One lead's change as the statement triggers see it: the order it was in and is in, whether it
-- counted there (delivered), its client and status before and after. Nulls on the missing side of
-- an INSERT or DELETE.
create type lead_orders.lead_change as (
  lead_id uuid,
  old_order uuid,
  new_order uuid,
  old_counted boolean,
  new_counted boolean,
  old_client uuid,
  new_client uuid,
  old_status text,
  new_status text
);

-- The order work of one statement's changed leads (see the head of this file). p_deleted: the
-- leads were deleted (their leaving is recorded with reason lead_deleted). Raises order_not_found,
-- order_not_active, lead_client_mismatch (lowest lead id first) or order_full (lowest order id
-- first); otherwise shifts each order's count once and records the history in lead id order.
create or replace function lead_orders.apply_lead_changes(p_changes lead_orders.lead_change[], p_deleted boolean) returns void
language plpgsql
set search_path = ''
-- The same few statements run for every write of leads: plan them once per connection. Custom
-- plans (replanned per call, PostgreSQL's choice for array arguments) doubled an assignment's cost.
set plan_cache_mode = force_generic_plan
as $$
declare
  v_bad record;
  v_full record;
  v_shift_orders uuid[];
  v_shift_deltas int[];
  v_token text;
begin
  -- 1. Every order a lead leaves or joins, in id order: the one global lock order.
  perform 1 from public.orders o
   where o.id in (select c.old_order from unnest(p_changes) c union select c.new_order from unnest(p_changes) c)
   order by o.id
     for no key update;

  -- 2. The rules, under the locks, on the orders as they are now. Per joining lead, the first rule
  --    it breaks, in the order the row trigger checked them.
  select c.lead_id, c.new_order, c.new_client, o.id as order_id, o.order_number, o.status, o.client_id into v_bad
    from unnest(p_changes) c
    left join public.orders o on o.id = c.new_order
   where c.new_order is not null and c.new_order is distinct from c.old_order
     and (o.id is null or o.status <> 'Active' or c.new_client is distinct from o.client_id)
   order by c.lead_id
   limit 1;
  if v_bad.lead_id is not null then
    if v_bad.order_id is null then
      perform lead_orders.fail('order_not_found', format('Order %s does not exist.', v_bad.new_order),
        jsonb_build_object('order_id', v_bad.new_order));
    end if;
    if v_bad.status <> 'Active' then
      perform lead_orders.fail('order_not_active',
        format('Order %s is %s; leads can only be assigned to Active orders.', v_bad.order_number, v_bad.status),
        jsonb_build_object('order_id', v_bad.order_id, 'status', v_bad.status),
        'Resume or activate the order first.');
    end if;
    perform lead_orders.fail('lead_client_mismatch',
      format('Lead %s belongs to another client than order %s.', v_bad.lead_id, v_bad.order_number),
      jsonb_build_object('lead_id', v_bad.lead_id, 'order_id', v_bad.order_id,
        'lead_client_id', v_bad.new_client, 'order_client_id', v_bad.client_id),
      'Assign the lead to the order''s client first (assign_lead_to_client).');
  end if;

  -- Each order's net change of its delivered count, in order id order.
  select array_agg(s.order_id order by s.order_id), array_agg(s.delta order by s.order_id)
    into v_shift_orders, v_shift_deltas
    from (select x.order_id, sum(x.delta)::int as delta
            from (select c.old_order as order_id, -1 as delta from unnest(p_changes) c
                   where c.old_counted and (not c.new_counted or c.new_order is distinct from c.old_order)
                  union all
                  select c.new_order, 1 from unnest(p_changes) c
                   where c.new_counted and (not c.old_counted or c.new_order is distinct from c.old_order)) x
           group by x.order_id
          having sum(x.delta) <> 0) s;

  if v_shift_orders is not null then
    -- Capacity: an order whose count grows must have the room (whatever its status, as before).
    select o.id, o.order_number, o.leads_purchased, o.leads_delivered, d.delta into v_full
      from unnest(v_shift_orders, v_shift_deltas) as d(order_id, delta)
      join public.orders o on o.id = d.order_id
     where d.delta > 0 and o.leads_delivered + d.delta > o.leads_purchased
     order by o.id
     limit 1;
    if v_full.id is not null then
      if v_full.leads_delivered >= v_full.leads_purchased then
        perform lead_orders.fail('order_full',
          format('Order %s is full: %s of %s leads delivered.', v_full.order_number, v_full.leads_delivered, v_full.leads_purchased),
          jsonb_build_object('order_id', v_full.id, 'leads_purchased', v_full.leads_purchased,
            'leads_delivered', v_full.leads_delivered, 'leads_remaining', v_full.leads_purchased - v_full.leads_delivered),
          'Increase the order''s quantity or choose another order.');
      end if;
      perform lead_orders.fail('order_full',
        format('Order %s has %s places left; these leads need %s.', v_full.order_number,
          v_full.leads_purchased - v_full.leads_delivered, v_full.delta),
        jsonb_build_object('order_id', v_full.id, 'leads_purchased', v_full.leads_purchased,
          'leads_delivered', v_full.leads_delivered, 'leads_remaining', v_full.leads_purchased - v_full.leads_delivered,
          'leads_needed', v_full.delta),
        'Choose fewer leads or increase the order''s quantity.');
    end if;

    -- 3. Each order's count once. The orders' own triggers keep status, completion, totals log,
    --    open_orders and progress key, and record a status change before the leads' history, as
    --    when the row trigger shifted the count first.
    v_token := lead_orders.begin_derived_write();
    update public.orders o set leads_delivered = o.leads_delivered + d.delta
      from unnest(v_shift_orders, v_shift_deltas) as d(order_id, delta)
     where o.id = d.order_id;
    perform lead_orders.end_derived_write(v_token);
  end if;

  -- 4. Each lead's history, as the row trigger wrote it, in lead id order (for a move: the order
  --    it leaves, then the order it joins). An order deleted by this statement records nothing.
  insert into public.order_events (order_id, client_id, event_type, lead_id, data)
  select o.id, o.client_id, e.event_type, c.lead_id, e.data
    from unnest(p_changes) c
   cross join lateral (values
     -- The order the lead leaves.
     (1, case when c.old_order is distinct from c.new_order then c.old_order end,
      case when c.new_order is null then 'lead_unassigned' else 'lead_moved' end,
      case when c.new_order is null
           then jsonb_build_object('reason', case when p_deleted then 'lead_deleted'
                  when c.new_client is distinct from c.old_client then 'client_changed' else 'unassigned' end)
           -- Orders belong to their leads' clients, so the leads' clients tell whose orders these
           -- are: a move between two clients' orders names only each side's own order.
           else jsonb_build_object('from_order_id', c.old_order,
                  'to_order_id', case when c.new_client is not distinct from c.old_client then c.new_order end,
                  'other_client', c.new_client is distinct from c.old_client) end),
     -- The order the lead joins, or the one it stays in while its delivery changes.
     (2, case when c.old_order is distinct from c.new_order or c.new_counted <> c.old_counted then c.new_order end,
      case when c.old_order is null then 'lead_assigned'
           when c.old_order <> c.new_order then 'lead_moved'
           when c.new_counted then 'lead_delivered' else 'lead_undelivered' end,
      case when c.old_order is null then jsonb_build_object('delivered', c.new_counted)
           when c.old_order <> c.new_order then
             jsonb_build_object('from_order_id', case when c.new_client is not distinct from c.old_client then c.old_order end,
               'to_order_id', c.new_order, 'other_client', c.new_client is distinct from c.old_client, 'delivered', c.new_counted)
           else jsonb_build_object('from_status', c.old_status, 'to_status', c.new_status) end)
   ) as e(side, order_id, event_type, data)
    join public.orders o on o.id = e.order_id
   order by c.lead_id, e.side;
end;
$$;
revoke execute on function lead_orders.apply_lead_changes(lead_orders.lead_change[], boolean) from public, anon, authenticated, service_role;

-- After a statement that wrote leads: collects the leads whose order or counting changed from the
-- transition tables (lead id is the key that pairs old and new rows of an UPDATE) and hands them
-- to apply_lead_changes. Rows of assign_leads_to_order's own update are left to that function.
create or replace function lead_orders.leads_after_statement() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_changes lead_orders.lead_change[];
  v_bulk_token text := nullif(current_setting('lead_orders.bulk_assignment', true), '');
  v_bulk boolean := false;
  v_bulk_order uuid;
begin
  if tg_op = 'INSERT' then
    select array_agg(row(n.id, null, n.order_id, false, public.is_delivered_status(n.status),
                         null, n.client_id, null, n.status)::lead_orders.lead_change)
      into v_changes
      from new_leads n where n.order_id is not null;
  elsif tg_op = 'DELETE' then
    select array_agg(row(o.id, o.order_id, null, public.is_delivered_status(o.status), false,
                         o.client_id, null, o.status, null)::lead_orders.lead_change)
      into v_changes
      from old_leads o where o.order_id is not null;
  else
    if v_bulk_token is not null then
      select true, b.order_id into v_bulk, v_bulk_order from lead_orders.bulk_assignments b
       where b.token = v_bulk_token and b.txid = txid_current();
      v_bulk := coalesce(v_bulk, false);
    end if;
    select array_agg(row(coalesce(n.id, o.id), o.order_id, n.order_id,
                         o.order_id is not null and public.is_delivered_status(o.status),
                         n.order_id is not null and public.is_delivered_status(n.status),
                         o.client_id, n.client_id, o.status, n.status)::lead_orders.lead_change)
      into v_changes
      from old_leads o
      full join new_leads n on n.id = o.id
     where (o.order_id is distinct from n.order_id
            or (n.order_id is not null and public.is_delivered_status(o.status) is distinct from public.is_delivered_status(n.status)))
       and not (v_bulk and o.id is not null and n.id is not null
                and n.client_id is not distinct from o.client_id and n.status is not distinct from o.status
                and n.order_id is not distinct from v_bulk_order);
  end if;
  if v_changes is not null then
    perform lead_orders.apply_lead_changes(v_changes, tg_op = 'DELETE');
  end if;
  return null;
end;
$$;
revoke execute on function lead_orders.leads_after_statement() from public, anon, authenticated, service_role;

drop trigger leads_after_order_write on public.leads;
create trigger leads_after_insert_orders
  after insert on public.leads
  referencing new table as new_leads
  for each statement execute function lead_orders.leads_after_statement();
-- No column list: a trigger with transition tables cannot have one. The function only acts on
-- rows whose order or counting changed.
create trigger leads_after_update_orders
  after update on public.leads
  referencing old table as old_leads new table as new_leads
  for each statement execute function lead_orders.leads_after_statement();
create trigger leads_after_delete_orders
  after delete on public.leads
  referencing old table as old_leads
  for each statement execute function lead_orders.leads_after_statement();

-- Its work is the statement triggers' now.
drop function lead_orders.leads_after_write();
