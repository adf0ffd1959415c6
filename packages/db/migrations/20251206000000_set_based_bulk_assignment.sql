-- assign_leads_to_order in set-based statements: the counts, history and totals once per order
-- instead of once per lead.
--
-- The lead row triggers did every lead's work on its own: lock and read the order, shift its
-- count (an update of the order, with its totals log row, open_orders row and progress key),
-- write its history row. 100 leads paid that 100 times. The bulk function already holds every
-- lock it needs (leads by id, then orders by id) and decides the capacity under them; it now also
-- decides status and client for all leads at once, moves them in one update, writes the history
-- in one insert and shifts each order's count once.
--
-- The lead triggers skip their per-row order work only for the rows of that one update. A custom
-- setting alone could not say so: anyone can set_config any custom setting. The function writes a
-- one-time token to the private table lead_orders.bulk_assignments (no API role can read or write
-- it), puts the token in the setting lead_orders.bulk_assignment for the update and deletes both
-- right after. A trigger honours the setting only when the token is in that table for this
-- transaction and names the order the row is moving to, and the row changes nothing but its
-- order. Any other write of leads, by any role, still does everything per row.

create table lead_orders.bulk_assignments (
  token text primary key,
  -- The transaction that wrote the token (txid_current()); a token is never honoured elsewhere.
  txid bigint not null,
  -- The order the leads move to; null when they leave their orders.
  order_id uuid
);
comment on table lead_orders.bulk_assignments is
  'One row while assign_leads_to_order moves its leads: proves to the lead triggers that the function does their per-row work.';
alter table lead_orders.bulk_assignments enable row level security;
revoke all on lead_orders.bulk_assignments from public, anon, authenticated, service_role;

-- True when this row is written by assign_leads_to_order's own update: the setting holds a token
-- the function wrote in this transaction for this target order, and only the order changes.
-- Called by the lead triggers (as owner); costs one setting read when no bulk move runs.
create or replace function lead_orders.is_bulk_assignment_row(p_old public.leads, p_new public.leads) returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_token text := current_setting('lead_orders.bulk_assignment', true);
begin
  if v_token is null or v_token = '' then
    return false;
  end if;
  return p_new.client_id is not distinct from p_old.client_id
     and p_new.status is not distinct from p_old.status
     and exists (select 1 from lead_orders.bulk_assignments b
                  where b.token = v_token and b.txid = txid_current()
                    and b.order_id is not distinct from p_new.order_id);
end;
$$;
revoke execute on function lead_orders.is_bulk_assignment_row(public.leads, public.leads) from public, anon, authenticated, service_role;

-- Before a lead row is written: as in 20251201000500, except that a row of assign_leads_to_order's
-- update skips locking and checking its order (the function did both for all its leads).
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

  if new.order_id is not null and (tg_op = 'INSERT' or new.order_id is distinct from old.order_id)
     and not (tg_op = 'UPDATE' and lead_orders.is_bulk_assignment_row(old, new)) then
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

-- After a lead row is written: as in 20251201000500, except that a row of assign_leads_to_order's
-- update leaves its counts and history to the function.
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
  if tg_op = 'UPDATE' and new.order_id is distinct from old.order_id
     and lead_orders.is_bulk_assignment_row(old, new) then
    return null;
  end if;
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

-- All or nothing: every lead (at most 10,000 per call), then every order they leave or join,
-- locked in id order before anything changes. Under those locks it decides, for all leads at
-- once, what the lead triggers decide per row (order_full, order_not_found, order_not_active,
-- lead_client_mismatch for the lowest lead id that does not match), moves them in one update,
-- records each lead's history (lead_assigned, lead_unassigned or lead_moved on both orders, as
-- the triggers write it, in lead id order) in one insert, and shifts each order's delivered count
-- once. Returns { leads: [lead rows by id], order: order_json or null }.
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
  v_mismatch record;
  v_moved_ids uuid[];
  v_moved_from uuid[];
  v_moved_counted boolean[];
  v_token text;
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

  -- The leads that change order, as they are under the locks.
  select array_agg(l.id order by l.id), array_agg(l.order_id order by l.id),
         array_agg(public.is_delivered_status(l.status) order by l.id)
    into v_moved_ids, v_moved_from, v_moved_counted
    from public.leads l where l.id = any (v_ids) and l.order_id is distinct from p_order_id;

  if p_order_id is not null then
    select o.id, o.order_number, o.leads_remaining, o.status, o.client_id into v_order
      from public.orders o where o.id = p_order_id;
    if v_order.id is not null and v_order.status = 'Active' then
      v_needed := (select count(*) from unnest(v_moved_counted) c where c);
      if v_needed > v_order.leads_remaining then
        perform lead_orders.fail('order_full',
          format('Order %s has %s places left; these leads need %s.', v_order.order_number, v_order.leads_remaining, v_needed),
          jsonb_build_object('order_id', v_order.id, 'leads_remaining', v_order.leads_remaining, 'leads_needed', v_needed),
          'Choose fewer leads or increase the order''s quantity.');
      end if;
    end if;
    -- What the before trigger refuses per lead, for any lead that joins the order.
    if v_moved_ids is not null then
      if v_order.id is null then
        perform lead_orders.fail('order_not_found', format('Order %s does not exist.', p_order_id),
          jsonb_build_object('order_id', p_order_id));
      end if;
      if v_order.status <> 'Active' then
        perform lead_orders.fail('order_not_active',
          format('Order %s is %s; leads can only be assigned to Active orders.', v_order.order_number, v_order.status),
          jsonb_build_object('order_id', v_order.id, 'status', v_order.status),
          'Resume or activate the order first.');
      end if;
      select l.id, l.client_id into v_mismatch from public.leads l
       where l.id = any (v_moved_ids) and l.client_id is distinct from v_order.client_id
       order by l.id limit 1;
      if v_mismatch.id is not null then
        perform lead_orders.fail('lead_client_mismatch',
          format('Lead %s belongs to another client than order %s.', v_mismatch.id, v_order.order_number),
          jsonb_build_object('lead_id', v_mismatch.id, 'order_id', v_order.id,
            'lead_client_id', v_mismatch.client_id, 'order_client_id', v_order.client_id),
          'Assign the lead to the order''s client first (assign_lead_to_client).');
      end if;
    end if;
  end if;

  -- The one update, with the token that tells the lead triggers their per-row work is done here.
  if v_moved_ids is not null then
    v_token := gen_random_uuid()::text;
    insert into lead_orders.bulk_assignments (token, txid, order_id) values (v_token, txid_current(), p_order_id);
    perform set_config('lead_orders.bulk_assignment', v_token, true);
  end if;
  with changed as (
    update public.leads set order_id = p_order_id where id = any (v_ids) returning *
  )
  select jsonb_agg(to_jsonb(changed) order by changed.id) into v_leads from changed;
  if v_moved_ids is null then
    return jsonb_build_object(
      'leads', v_leads,
      'order', case when p_order_id is not null then lead_orders.order_json(p_order_id) end);
  end if;
  perform set_config('lead_orders.bulk_assignment', '', true);
  delete from lead_orders.bulk_assignments where token = v_token;

  -- Each lead's history, as leads_after_write writes it (the client never changes here).
  insert into public.order_events (order_id, client_id, event_type, lead_id, data)
  select o.id, o.client_id, e.event_type, e.lead_id, e.data
    from (
      select m.lead_id, m.from_order as order_id, 1 as side,
             case when p_order_id is null then 'lead_unassigned' else 'lead_moved' end as event_type,
             case when p_order_id is null then jsonb_build_object('reason', 'unassigned')
                  else jsonb_build_object('from_order_id', m.from_order, 'to_order_id', p_order_id, 'other_client', false) end as data
        from unnest(v_moved_ids, v_moved_from, v_moved_counted) as m(lead_id, from_order, counted)
       where m.from_order is not null
      union all
      select m.lead_id, p_order_id, 2,
             case when m.from_order is null then 'lead_assigned' else 'lead_moved' end,
             case when m.from_order is null then jsonb_build_object('delivered', m.counted)
                  else jsonb_build_object('from_order_id', m.from_order, 'to_order_id', p_order_id,
                                          'other_client', false, 'delivered', m.counted) end
        from unnest(v_moved_ids, v_moved_from, v_moved_counted) as m(lead_id, from_order, counted)
       where p_order_id is not null
    ) e
    join public.orders o on o.id = e.order_id
   order by e.lead_id, e.side;

  -- Each order's count once (all are locked; the capacity was decided above). The orders'
  -- own triggers keep status, totals log, open_orders and progress key as for any count change.
  perform set_config('lead_orders.derived_write', 'on', true);
  update public.orders o
     set leads_delivered = o.leads_delivered + d.delta
    from (select s.order_id, sum(s.delta)::int as delta
            from (select m.from_order as order_id, -1 as delta
                    from unnest(v_moved_from, v_moved_counted) as m(from_order, counted)
                   where m.counted and m.from_order is not null
                  union all
                  select p_order_id, 1
                    from unnest(v_moved_counted) as m(counted)
                   where m.counted and p_order_id is not null) s
           group by s.order_id) d
   where o.id = d.order_id and d.delta <> 0;
  perform set_config('lead_orders.derived_write', 'off', true);

  return jsonb_build_object(
    'leads', v_leads,
    'order', case when p_order_id is not null then lead_orders.order_json(p_order_id) end);
end;
$$;
revoke execute on function public.assign_leads_to_order(uuid[], uuid) from public, anon;
grant execute on function public.assign_leads_to_order(uuid[], uuid) to authenticated, service_role;
