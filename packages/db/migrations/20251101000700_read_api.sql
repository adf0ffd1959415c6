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

-- The sorts get_orders offers, each a list of ascending-comparable key expressions over
-- order_summary `s` (ending in the id, so every order has one place) and their types.
-- priority: high priority first, then nearest target date (the default; idx_orders_page);
-- target: nearest target date first (none last); progress: least delivered first;
-- newest: most recently created first.
create or replace function lead_orders.order_sort(p_sort text, out keys text[], out types text[], out descending boolean)
language plpgsql
immutable
set search_path = ''
as $$
begin
  descending := false;
  case p_sort
    when 'priority' then
      keys := array['(-s.priority)', 'coalesce(s.target_delivery_date, ''infinity''::date)', 's.id'];
      types := array['int', 'date', 'uuid'];
    when 'target' then
      keys := array['coalesce(s.target_delivery_date, ''infinity''::date)', '(-s.priority)', 's.id'];
      types := array['date', 'int', 'uuid'];
    when 'progress' then
      keys := array['(s.leads_delivered::numeric / greatest(s.leads_purchased, 1))', 's.id'];
      types := array['numeric', 'uuid'];
    when 'newest' then
      keys := array['s.created_at', 's.id'];
      types := array['timestamptz', 'uuid'];
      descending := true;
    else
      perform lead_orders.fail('invalid_input', format('p_sort must be priority, target, progress or newest, not %s.', p_sort),
        jsonb_build_object('field', 'p_sort', 'allowed', jsonb_build_array('priority', 'target', 'progress', 'newest')));
  end case;
end;
$$;
revoke execute on function lead_orders.order_sort(text) from public, anon;
grant execute on function lead_orders.order_sort(text) to authenticated, service_role;

-- Keyset cursor: base64 JSON {"sort": …, "after": [the last row's sort key]}. Returns the key,
-- checked against the sort's types, as JSON for the query to read with ($n ->> i)::type.
create or replace function lead_orders.decode_cursor(p_cursor text, p_sort text, p_types text[]) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_cursor jsonb;
  v_after jsonb;
  v_ok boolean;
begin
  begin
    v_cursor := convert_from(decode(p_cursor, 'base64'), 'utf8')::jsonb;
    v_after := v_cursor -> 'after';
    if v_cursor ->> 'sort' is distinct from p_sort or jsonb_typeof(v_after) <> 'array'
       or jsonb_array_length(v_after) <> cardinality(p_types) then
      raise exception 'malformed';
    end if;
    for i in 1 .. cardinality(p_types) loop
      -- A cast that fails or yields null means the cursor was not ours.
      execute format('select ($1 ->> %s)::%s is not null', i - 1, p_types[i]) into v_ok using v_after;
      if not v_ok then raise exception 'malformed'; end if;
    end loop;
  exception when others then
    perform lead_orders.fail('invalid_cursor', 'p_cursor was not produced by get_orders with this sort.', '{}'::jsonb,
      'Pass next_cursor from the previous page unchanged, with the same p_sort, or null for the first page.');
  end;
  return v_after;
end;
$$;
revoke execute on function lead_orders.decode_cursor(text, text, text[]) from public, anon;
grant execute on function lead_orders.decode_cursor(text, text, text[]) to authenticated, service_role;

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
  p_cursor text default null,
  p_sort text default 'priority'
) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_scope uuid[];
  v_sort text := coalesce(p_sort, 'priority');
  v_keys text[];
  v_types text[];
  v_desc boolean;
  v_after jsonb;
  v_search text := nullif(btrim(p_search), '');
  v_where text[] := array['true'];
  v_columns text;
  v_order text;
  v_cast_after text;
  v_rows jsonb;
  v_last_key jsonb;
begin
  v_scope := lead_orders.visible_client_ids(p_client_id);
  if p_limit is null or p_limit < 1 or p_limit > 500 then
    perform lead_orders.fail('invalid_input', 'p_limit must be between 1 and 500.', jsonb_build_object('field', 'p_limit'));
  end if;
  if p_target_from is not null and p_target_to is not null and p_target_from > p_target_to then
    perform lead_orders.fail('invalid_dates', 'p_target_from is after p_target_to.', jsonb_build_object('field', 'p_target_from'));
  end if;
  select o.keys, o.types, o.descending into v_keys, v_types, v_desc from lead_orders.order_sort(v_sort) o;

  -- k1, k2, … carry each row's sort key out of the page query, for ordering and the next cursor.
  select string_agg(format('%s as k%s', v_keys[i], i), ', ' order by i),
         string_agg(format('k%s%s', i, case when v_desc then ' desc' else '' end), ', ' order by i),
         string_agg(format('($2 ->> %s)::%s', i - 1, v_types[i]), ', ' order by i)
    into v_columns, v_order, v_cast_after
    from generate_subscripts(v_keys, 1) i;

  if p_cursor is not null then
    v_after := lead_orders.decode_cursor(p_cursor, v_sort, v_types);
    v_where := v_where || format('(%s) %s (%s)', array_to_string(v_keys, ', '), case when v_desc then '<' else '>' end, v_cast_after);
  end if;
  if v_scope is not null then
    v_where := v_where || (case when cardinality(v_scope) = 1 then 's.client_id = ($1)[1]' else 's.client_id = any ($1)' end)::text;
  end if;
  if p_status is not null then v_where := v_where || 's.status = any ($3)'::text; end if;
  if p_target_from is not null then v_where := v_where || 's.target_delivery_date >= $4'::text; end if;
  if p_target_to is not null then v_where := v_where || 's.target_delivery_date <= $5'::text; end if;
  if v_search is not null then
    v_search := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
    v_where := v_where || '(s.order_number ilike $6 or s.name ilike $6 or s.client_name ilike $6)'::text;
  end if;

  execute format(
    'select coalesce(jsonb_agg(to_jsonb(p) - %1$L::text[] order by %2$s), ''[]''),
            (array_agg(jsonb_build_array(%3$s) order by %2$s))[$8]
       from (select s.*, %4$s from public.order_summary s
              where %5$s
              order by %2$s
              limit $7) p',
    (select array_agg('k' || i) from generate_subscripts(v_keys, 1) i),
    v_order,
    (select string_agg('p.k' || i, ', ' order by i) from generate_subscripts(v_keys, 1) i),
    v_columns,
    array_to_string(v_where, ' and '))
  into v_rows, v_last_key
  using v_scope, v_after, p_status, p_target_from, p_target_to, v_search, p_limit + 1, p_limit;

  if jsonb_array_length(v_rows) <= p_limit then
    return jsonb_build_object('items', v_rows, 'next_cursor', null);
  end if;
  return jsonb_build_object(
    'items', v_rows - p_limit,
    -- base64 breaks lines every 76 characters; a cursor travels in URLs, so it is one line.
    'next_cursor', translate(encode(convert_to(jsonb_build_object('sort', v_sort, 'after', v_last_key)::text, 'utf8'), 'base64'), E'\n', ''));
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

revoke execute on function public.get_orders(uuid, public.order_status[], date, date, text, int, text, text) from public, anon;
revoke execute on function public.get_order_details(uuid, int, int) from public, anon;
revoke execute on function public.get_order_stats(uuid) from public, anon;
grant execute on function public.get_orders(uuid, public.order_status[], date, date, text, int, text, text) to authenticated, service_role;
grant execute on function public.get_order_details(uuid, int, int) to authenticated, service_role;
grant execute on function public.get_order_stats(uuid) to authenticated, service_role;
