-- Read functions (the proposal's get-orders, get-order-details and get-order-stats).

-- plpgsql rather than sql: its plan is cached per connection, and every write returns an order.
create or replace function lead_orders.order_json(p_order_id uuid) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
begin
  return (select to_jsonb(s) from public.order_summary s where s.id = p_order_id);
end;
$$;
revoke execute on function lead_orders.order_json(uuid) from public, anon;
grant execute on function lead_orders.order_json(uuid) to authenticated, service_role;

-- Keyset cursor: the sort key of the last row, base64 JSON [-priority, target date, id].
create or replace function lead_orders.decode_cursor(p_cursor text, out neg_priority int, out target date, out id uuid)
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_key jsonb;
begin
  v_key := convert_from(decode(p_cursor, 'base64'), 'utf8')::jsonb;
  neg_priority := (v_key ->> 0)::int;
  target := (v_key ->> 1)::date;
  id := (v_key ->> 2)::uuid;
  if jsonb_typeof(v_key) <> 'array' or jsonb_array_length(v_key) <> 3 or neg_priority is null or target is null or id is null then
    raise exception 'malformed';
  end if;
exception when others then
  perform lead_orders.fail('invalid_cursor', 'p_cursor was not produced by get_orders.', '{}'::jsonb,
    'Pass next_cursor from the previous page unchanged, or null for the first page.');
end;
$$;
revoke execute on function lead_orders.decode_cursor(text) from public, anon;
grant execute on function lead_orders.decode_cursor(text) to authenticated, service_role;

-- The clients whose orders the caller may read, narrowed to p_client_id when given; null means
-- every client (admins and the service role). The same rule as the RLS policies, for the read
-- functions that scope explicitly instead of filtering row by row.
create or replace function lead_orders.visible_client_ids(p_client_id uuid default null) returns uuid[]
language plpgsql
stable
set search_path = ''
as $$
declare
  v_own uuid[];
begin
  if current_setting('role') = 'anon' then
    perform lead_orders.fail('forbidden', 'Sign in to see orders.');
  end if;
  if public.is_order_admin() then
    return case when p_client_id is null then null else array[p_client_id] end;
  end if;
  v_own := public.my_client_ids();
  if p_client_id is null then
    return v_own;
  end if;
  return case when p_client_id = any (v_own) then array[p_client_id] else '{}'::uuid[] end;
end;
$$;
revoke execute on function lead_orders.visible_client_ids(uuid) from public, anon;
grant execute on function lead_orders.visible_client_ids(uuid) to authenticated, service_role;

-- SECURITY DEFINER with the scope decided here, explicitly: every order for admins, the caller's
-- own clients' orders otherwise (the same rule as the RLS policies). Under RLS the planner may
-- not evaluate the search filter before the policies, and an admin's search fell back to a full
-- scan and sort; with the scope explicit, every call walks idx_orders_page or
-- idx_orders_client_page. The SQL is built per call from only the filters given, so each call
-- gets a plan that fits it.
create or replace function public.get_orders(
  p_client_id uuid default null,
  p_status public.order_status[] default null,
  p_target_from date default null,
  p_target_to date default null,
  p_search text default null,
  p_limit int default 50,
  p_cursor text default null
) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_scope uuid[];
  v_search text := nullif(btrim(p_search), '');
  v_after_priority int;
  v_after_target date;
  v_after_id uuid;
  v_where text[] := array['true'];
  v_rows jsonb;
  v_last jsonb;
begin
  v_scope := lead_orders.visible_client_ids(p_client_id);
  if p_limit is null or p_limit < 1 or p_limit > 500 then
    perform lead_orders.fail('invalid_input', 'p_limit must be between 1 and 500.', jsonb_build_object('field', 'p_limit'));
  end if;
  if p_target_from is not null and p_target_to is not null and p_target_from > p_target_to then
    perform lead_orders.fail('invalid_dates', 'p_target_from is after p_target_to.', jsonb_build_object('field', 'p_target_from'));
  end if;
  if p_cursor is not null then
    select c.neg_priority, c.target, c.id into v_after_priority, v_after_target, v_after_id
      from lead_orders.decode_cursor(p_cursor) c;
    v_where := v_where || '((-s.priority), coalesce(s.target_delivery_date, ''infinity''::date), s.id) > ($6, $7, $8)'::text;
  end if;
  if v_scope is not null then
    v_where := v_where || (case when cardinality(v_scope) = 1 then 's.client_id = ($1)[1]' else 's.client_id = any ($1)' end)::text;
  end if;
  if p_status is not null then v_where := v_where || 's.status = any ($3)'::text; end if;
  if p_target_from is not null then v_where := v_where || 's.target_delivery_date >= $4'::text; end if;
  if p_target_to is not null then v_where := v_where || 's.target_delivery_date <= $5'::text; end if;
  if v_search is not null then
    v_search := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
    v_where := v_where || '(s.order_number ilike $9 or s.name ilike $9 or s.client_name ilike $9)'::text;
  end if;

  execute format(
    'select coalesce(jsonb_agg(to_jsonb(p)), ''[]'')
       from (select s.* from public.order_summary s
              where %s
              order by (-s.priority), coalesce(s.target_delivery_date, ''infinity''::date), s.id
              limit $10) p',
    array_to_string(v_where, ' and '))
  into v_rows
  using v_scope, p_client_id, p_status, p_target_from, p_target_to,
        v_after_priority, v_after_target, v_after_id, v_search, p_limit + 1;

  if jsonb_array_length(v_rows) <= p_limit then
    return jsonb_build_object('items', v_rows, 'next_cursor', null);
  end if;
  v_rows := v_rows - p_limit;
  v_last := v_rows -> (p_limit - 1);
  return jsonb_build_object(
    'items', v_rows,
    'next_cursor', encode(convert_to(jsonb_build_array(
      -(v_last ->> 'priority')::int,
      coalesce(v_last ->> 'target_delivery_date', 'infinity'),
      v_last -> 'id')::text, 'utf8'), 'base64'));
end;
$$;

create or replace function public.get_order_details(p_order_id uuid, p_lead_limit int default 200, p_timeline_limit int default 200)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_order jsonb;
begin
  if p_order_id is null then
    perform lead_orders.fail('invalid_input', 'p_order_id is required.', jsonb_build_object('field', 'p_order_id'));
  end if;
  if p_lead_limit is null or p_lead_limit < 0 or p_lead_limit > 1000
     or p_timeline_limit is null or p_timeline_limit < 0 or p_timeline_limit > 1000 then
    perform lead_orders.fail('invalid_input', 'p_lead_limit and p_timeline_limit must be between 0 and 1000.',
      jsonb_build_object('field', 'p_lead_limit'));
  end if;
  v_order := lead_orders.order_json(p_order_id);
  if v_order is null then
    perform lead_orders.fail('order_not_found', format('Order %s does not exist.', p_order_id),
      jsonb_build_object('order_id', p_order_id));
  end if;
  return jsonb_build_object(
    'order', v_order,
    'leads', (
      select coalesce(jsonb_agg(to_jsonb(l) order by l.delivered_at desc nulls last, l.created_at desc, l.id), '[]')
      from (select * from public.leads
             where order_id = p_order_id
             order by delivered_at desc nulls last, created_at desc, id
             limit p_lead_limit) l),
    'timeline', (
      select coalesce(jsonb_agg(to_jsonb(e) order by e.created_at desc, e.id desc), '[]')
      from (select * from public.order_events
             where order_id = p_order_id
             order by created_at desc, id desc
             limit p_timeline_limit) e));
end;
$$;

-- SECURITY DEFINER so the aggregate does not evaluate a policy per row: the scope is decided
-- here, explicitly — every client for admins, the caller's own clients otherwise.
create or replace function public.get_order_stats(p_client_id uuid default null) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_scope uuid[];
  v_orders jsonb;
  v_deliveries jsonb;
begin
  v_scope := lead_orders.visible_client_ids(p_client_id);

  -- Built per call so a client's scope is planned as an index lookup, never as a generic plan.
  execute format($q$
    select jsonb_build_object(
      'orders_total', count(*),
      'by_status', jsonb_build_object(
        'Draft', count(*) filter (where s.status = 'Draft'),
        'Active', count(*) filter (where s.status = 'Active'),
        'Paused', count(*) filter (where s.status = 'Paused'),
        'Completed', count(*) filter (where s.status = 'Completed'),
        'Cancelled', count(*) filter (where s.status = 'Cancelled')),
      'active', count(*) filter (where s.status = 'Active'),
      'overdue', count(*) filter (where s.is_overdue),
      'needs_attention', count(*) filter (where s.needs_attention),
      'leads_purchased', coalesce(sum(s.leads_purchased), 0),
      'leads_delivered', coalesce(sum(s.leads_delivered), 0),
      'leads_remaining', coalesce(sum(s.leads_remaining), 0))
    from public.order_summary s
    where %s$q$, case when v_scope is null then 'true' else 's.client_id = any ($1)' end)
  into v_orders
  using v_scope;

  execute format($q$
    select jsonb_build_object(
      'delivered_last_7_days', count(*) filter (where l.delivered_at >= now() - interval '7 days'),
      'delivered_last_30_days', count(*))
    from public.leads l
    where l.delivered_at >= now() - interval '30 days' and %s$q$,
    -- delivered_at is only ever set while a lead counts toward an order, so no order_id test:
    -- the admin's count stays an index-only scan.
    case when v_scope is null then 'true' else 'l.client_id = any ($1)' end)
  into v_deliveries
  using v_scope;

  return v_orders || v_deliveries;
end;
$$;

revoke execute on function public.get_orders(uuid, public.order_status[], date, date, text, int, text) from public, anon;
revoke execute on function public.get_order_details(uuid, int, int) from public, anon;
revoke execute on function public.get_order_stats(uuid) from public, anon;
grant execute on function public.get_orders(uuid, public.order_status[], date, date, text, int, text) to authenticated, service_role;
grant execute on function public.get_order_details(uuid, int, int) to authenticated, service_role;
grant execute on function public.get_order_stats(uuid) to authenticated, service_role;
