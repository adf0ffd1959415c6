-- leads_delivered may be written only by the code that derives it, proven by a one-time token.
--
-- orders_before_update refused a change of leads_delivered unless the custom setting
-- lead_orders.derived_write was 'on'. Anyone can set_config a custom setting: an admin (or
-- service_role, or any role with UPDATE on orders) could run
--   select set_config('lead_orders.derived_write', 'on', true); update orders set leads_delivered = …
-- and write the count by hand. The count's writers now prove themselves the way
-- assign_leads_to_order proves its bulk update to the lead triggers: begin_derived_write writes a
-- random token to the private table lead_orders.derived_writes (no API role can read or write it)
-- for this transaction and names it in the setting; end_derived_write clears the setting and
-- deletes the token right after the one update. orders_before_update honours the setting only when
-- the token it names is in that table for the current transaction. A value set by hand names no
-- stored token (nobody else can insert one, and a real token exists only inside its writer's
-- transaction, between two statements of that writer).
--
-- Writers: shift_delivered, assign_leads_to_order, rebuild_order_counts, and the lead statement
-- triggers (20251207000100). rebuild_order_counts also locks the orders FOR NO KEY UPDATE now,
-- like every other writer of the count (see there).

create table lead_orders.derived_writes (
  token text primary key,
  -- The transaction that wrote the token (txid_current()); a token is never honoured elsewhere.
  txid bigint not null
);
comment on table lead_orders.derived_writes is
  'One row while a writer of orders.leads_delivered runs its update: proves to orders_before_update that the count is derived, not written by hand.';
alter table lead_orders.derived_writes enable row level security;
revoke all on lead_orders.derived_writes from public, anon, authenticated, service_role;

-- Starts a derived write of orders.leads_delivered in this transaction: stores a new random token
-- and names it in the transaction-local setting lead_orders.derived_write. Returns the token for
-- end_derived_write. Called by the count's writers only (as owner).
create or replace function lead_orders.begin_derived_write() returns text
language plpgsql
set search_path = ''
as $$
declare
  v_token text := gen_random_uuid()::text;
begin
  insert into lead_orders.derived_writes (token, txid) values (v_token, txid_current());
  perform set_config('lead_orders.derived_write', v_token, true);
  return v_token;
end;
$$;

-- Ends the derived write begun with p_token: the setting is cleared and the token deleted, so
-- nothing later in the transaction can use it.
create or replace function lead_orders.end_derived_write(p_token text) returns void
language plpgsql
set search_path = ''
as $$
begin
  perform set_config('lead_orders.derived_write', '', true);
  delete from lead_orders.derived_writes where token = p_token;
end;
$$;

-- True while a derived write runs in this transaction: the setting names a token stored by
-- begin_derived_write in this transaction. One setting read when the count does not change.
create or replace function lead_orders.is_derived_write() returns boolean
language plpgsql
stable
set search_path = ''
as $$
declare
  v_token text := current_setting('lead_orders.derived_write', true);
begin
  if v_token is null or v_token = '' then
    return false;
  end if;
  return exists (select 1 from lead_orders.derived_writes d where d.token = v_token and d.txid = txid_current());
end;
$$;

revoke execute on function lead_orders.begin_derived_write() from public, anon, authenticated, service_role;
revoke execute on function lead_orders.end_derived_write(text) from public, anon, authenticated, service_role;
revoke execute on function lead_orders.is_derived_write() from public, anon, authenticated, service_role;

-- The rules of an order update as in 20251201000200; only the guard of leads_delivered changes.
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
  -- Only a writer holding this transaction's derived-write token may move the count.
  if new.leads_delivered is distinct from old.leads_delivered and not lead_orders.is_derived_write() then
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

-- Adds p_delta to an order's delivered count (the +1 only while there is room), as in
-- 20251101000300, under a derived-write token. The lead triggers no longer call it
-- (20251207000100 shifts each order once per statement); kept for any caller of the old API.
create or replace function lead_orders.shift_delivered(p_order_id uuid, p_delta int) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_order record;
  v_updated int;
  v_token text;
begin
  v_token := lead_orders.begin_derived_write();
  update public.orders
     set leads_delivered = leads_delivered + p_delta
   where id = p_order_id
     and (p_delta < 0 or leads_delivered + p_delta <= leads_purchased);
  get diagnostics v_updated = row_count;
  perform lead_orders.end_derived_write(v_token);
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
revoke execute on function lead_orders.shift_delivered(uuid, int) from public, anon, authenticated, service_role;

-- As in 20251201000500, with the derived-write token and FOR NO KEY UPDATE.
create or replace function public.rebuild_order_counts() returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_checked int;
  v_drifted jsonb;
  v_token text;
begin
  perform lead_orders.require_order_admin();
  -- Lock every order first (in id order, as assignments do): an assignment committing while we
  -- count would otherwise be overwritten by our older count. The count below then starts after
  -- every in-flight change to these orders has committed. FOR NO KEY UPDATE, as every other
  -- writer of the count takes it: FOR UPDATE also conflicts with the key-share locks that
  -- foreign-key checks of lead writes take in the statement's row order, outside the global
  -- lock order.
  perform 1 from public.orders order by id for no key update;
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

  v_token := lead_orders.begin_derived_write();
  update public.orders o set leads_delivered = r.actual
    from lead_orders_recount r
   where r.order_id = o.id and r.stored <> r.actual and r.actual <= r.purchased;
  perform lead_orders.end_derived_write(v_token);
  drop table lead_orders_recount;

  return jsonb_build_object('orders_checked', v_checked, 'drifted', v_drifted);
end;
$$;

-- As in 20251206000000, with the derived-write token.
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
  v_token := lead_orders.begin_derived_write();
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
  perform lead_orders.end_derived_write(v_token);

  return jsonb_build_object(
    'leads', v_leads,
    'order', case when p_order_id is not null then lead_orders.order_json(p_order_id) end);
end;
$$;
