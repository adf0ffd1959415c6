-- get_orders and get_order_stats: one definition of "today" and of the order flags, and an
-- unknown client refused instead of answered with nothing.
--
-- * get_order_stats counted overdue and needs-attention against current_date (the server
--   session's date) with its own copy of the rules. It now counts against
--   lead_orders.agency_today() with exactly the expressions of public.order_summary
--   (20251201000300_order_summary_figures.sql), so the dashboard's numbers are the list's flags
--   counted. The deliveries windows stay rolling (now() minus 7 × 24 / 30 × 24 hours): no time
--   zone changes them, as the README states.
-- * An admin (or the service role) naming a client id that does not exist got an empty page and
--   zero totals; both now raise client_not_found, so a widget can say "Client not found".
--   A client user naming an id that is not one of theirs still gets what the row policies give:
--   nothing, whether or not the id exists, so the answer reveals no other client's existence.

-- The clients a read of orders covers (lead_orders.visible_client_ids: null for every client,
-- else the ids), after refusing an admin's unknown p_client_id with client_not_found.
-- Raises forbidden for anon (from visible_client_ids). A non-admin's foreign or unknown id gives
-- '{}' (nothing visible), never client_not_found, which would tell which ids exist.
create or replace function lead_orders.order_read_scope(p_client_id uuid) returns uuid[]
language plpgsql
stable
set search_path = ''
as $$
declare
  v_scope uuid[] := lead_orders.visible_client_ids(p_client_id);
begin
  -- visible_client_ids gives [p_client_id] to admins alone; a client's own ids always exist.
  if p_client_id is not null and v_scope = array[p_client_id]
     and not exists (select 1 from public.clients c where c.id = p_client_id) then
    perform lead_orders.fail('client_not_found', format('Client %s does not exist.', p_client_id),
      jsonb_build_object('client_id', p_client_id));
  end if;
  return v_scope;
end;
$$;
revoke execute on function lead_orders.order_read_scope(uuid) from public, anon;
grant execute on function lead_orders.order_read_scope(uuid) to authenticated, service_role;


-- get_orders(p_client_id, p_status, p_target_from, p_target_to, p_search, p_limit, p_cursor, p_sort)
-- returns { items: order_summary[], next_cursor: text | null }.
--
-- Bounds (else invalid_input, nothing read): p_limit 1–500; p_search at most 200 characters
-- (matched as ILIKE '%term%' against order number, order name and client name, after trimming);
-- p_sort one of priority, target, progress, newest; p_cursor at most 1,000 characters, and one
-- this function produced for the same p_sort (else invalid_cursor). p_target_from after
-- p_target_to is invalid_dates. Errors: forbidden (anon); client_not_found (an admin's
-- p_client_id that is no client). A client user's p_client_id that is not theirs gives no items,
-- as the row policies would. Each item is an order_summary row, flags in the agency's time zone.
--
-- SECURITY DEFINER with the scope decided here, explicitly (lead_orders.order_read_scope):
-- every order for admins and the service role, the caller's own clients' orders otherwise — the
-- agency's per-row policies are never evaluated. The SQL is built per call from only the filters
-- given, so each call gets a plan that fits it:
-- - a client's pages walk idx_orders_client_priority_page or sort its few orders in memory;
-- - an admin's pages walk idx_orders_priority_page, idx_orders_target_priority_page,
--   idx_orders_newest_page, or (progress) lead_orders.order_progress's key index;
-- - an admin's search of three or more characters, when pg_trgm is installed and the planner
--   expects few matching orders (at most sqrt((p_limit + 1) * orders): ~2,300 of 100,000 for a
--   page of 50), fetches them through the trigram indexes and sorts the page from those; a
--   common term instead walks the sort's index and stops after one page of matches.
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
  c_max_search constant int := 200;
  c_max_cursor constant int := 1000;
  -- Above this many matches, walking the sort's index finds a page sooner than sorting them:
  -- the walk reads about (p_limit + 1) * orders / matches rows, the other way about as many rows
  -- as there are matches; they meet at sqrt((p_limit + 1) * orders), ~2,300 at 100,000 orders.
  v_rare_matches int;
  v_scope uuid[];
  v_sort text := coalesce(p_sort, 'priority');
  v_keys text[];
  v_types text[];
  v_desc boolean;
  v_from text := 'public.order_summary s';
  v_after jsonb;
  v_search text;
  v_candidates uuid[];
  v_matches text;
  v_where text[] := array['true'];
  v_columns text;
  v_order text;
  v_cast_after text;
  v_rows jsonb;
  v_last_key jsonb;
begin
  if p_limit is null or p_limit < 1 or p_limit > 500 then
    perform lead_orders.fail('invalid_input', 'p_limit must be between 1 and 500.', jsonb_build_object('field', 'p_limit'));
  end if;
  if length(p_search) > c_max_search then
    perform lead_orders.fail('invalid_input', format('p_search must be at most %s characters.', c_max_search),
      jsonb_build_object('field', 'p_search', 'max_length', c_max_search));
  end if;
  if length(p_cursor) > c_max_cursor then
    perform lead_orders.fail('invalid_input', format('p_cursor must be at most %s characters.', c_max_cursor),
      jsonb_build_object('field', 'p_cursor', 'max_length', c_max_cursor));
  end if;
  if v_sort not in ('priority', 'target', 'progress', 'newest') then
    perform lead_orders.fail('invalid_input', 'p_sort must be priority, target, progress or newest.',
      jsonb_build_object('field', 'p_sort', 'allowed', jsonb_build_array('priority', 'target', 'progress', 'newest')));
  end if;
  if p_target_from is not null and p_target_to is not null and p_target_from > p_target_to then
    perform lead_orders.fail('invalid_dates', 'p_target_from is after p_target_to.', jsonb_build_object('field', 'p_target_from'));
  end if;
  v_scope := lead_orders.order_read_scope(p_client_id);
  select o.keys, o.types, o.descending into v_keys, v_types, v_desc from lead_orders.order_sort(v_sort) o;

  -- Over every order, the progress sort walks the maintained key (same values, same cursors).
  if v_sort = 'progress' and v_scope is null then
    v_from := 'lead_orders.order_progress g join public.order_summary s on s.id = g.order_id';
    v_keys := array['g.progress', 'g.order_id'];
  end if;

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
  v_search := nullif(btrim(p_search), '');
  if v_search is not null then
    -- Trigrams need three characters; shorter terms match too many orders to gain from them.
    if v_scope is null and length(v_search) >= 3 and lead_orders.search_indexed() then
      v_search := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
      v_matches := format(
        'select o.id from public.orders o where o.order_number ilike %1$L or o.name ilike %1$L
         union all
         select o.id from public.clients c join public.orders o on o.client_id = c.id where c.client_name ilike %1$L',
        v_search);
      -- The planner's estimate (trigram statistics, no rows read) decides; fetching the matches of
      -- a common term only to find it common would cost more than the page.
      select greatest(100, sqrt((p_limit + 1) * greatest(c.reltuples, 0)))::int into v_rare_matches
        from pg_catalog.pg_class c where c.oid = 'public.orders'::regclass;
      if lead_orders.estimated_rows(v_matches) <= v_rare_matches then
        execute format('select array(select x.id from (%s) x limit %s)', v_matches, v_rare_matches + 1) into v_candidates;
        if cardinality(v_candidates) <= v_rare_matches then
          v_where := v_where || 's.id = any ($9)'::text;
        end if;
      end if;
    else
      v_search := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
    end if;
    -- Always the full condition: the candidates only narrow where to look.
    v_where := v_where || '(s.order_number ilike $6 or s.name ilike $6 or s.client_name ilike $6)'::text;
  end if;

  execute format(
    'select coalesce(jsonb_agg(to_jsonb(p) - %1$L::text[] order by %2$s), ''[]''),
            (array_agg(jsonb_build_array(%3$s) order by %2$s))[$8]
       from (select s.*, %4$s from %6$s
              where %5$s
              order by %2$s
              limit $7) p',
    (select array_agg('k' || i) from generate_subscripts(v_keys, 1) i),
    v_order,
    (select string_agg('p.k' || i, ', ' order by i) from generate_subscripts(v_keys, 1) i),
    v_columns,
    array_to_string(v_where, ' and '),
    v_from)
  into v_rows, v_last_key
  using v_scope, v_after, p_status, p_target_from, p_target_to, v_search, p_limit + 1, p_limit, v_candidates;

  if jsonb_array_length(v_rows) <= p_limit then
    return jsonb_build_object('items', v_rows, 'next_cursor', null);
  end if;
  return jsonb_build_object(
    'items', v_rows - p_limit,
    -- base64 breaks lines every 76 characters; a cursor travels in URLs, so it is one line.
    'next_cursor', translate(encode(convert_to(jsonb_build_object('sort', v_sort, 'after', v_last_key)::text, 'utf8'), 'base64'), E'\n', ''));
end;
$$;


-- get_order_stats(p_client_id) returns { orders_total, by_status: {Draft, Active, Paused,
-- Completed, Cancelled}, active, overdue, needs_attention, leads_purchased, leads_delivered,
-- leads_remaining, delivered_last_7_days, delivered_last_30_days } over every client (admins, the
-- service role) or the caller's own clients, narrowed to p_client_id when given.
--
-- Errors: forbidden (anon); client_not_found (an admin's p_client_id that is no client). A client
-- user's p_client_id that is not theirs counts nothing (all zeros), as the row policies would.
--
-- SECURITY DEFINER so nothing evaluates a policy per row: the scope is decided here, explicitly.
-- Counts and sums come from the maintained totals (lead_orders.order_totals_for: a handful of
-- rows). overdue and needs_attention are counted over lead_orders.open_orders (the Active and
-- Paused orders, the only ones the flags can mark) with the expressions of public.order_summary,
-- against the agency's date (lead_orders.agency_today(), read once per call): the same orders
-- the list marks. delivered_last_7_days / _30_days are rolling windows, leads with delivered_at
-- at or after now() minus 7 × 24 / 30 × 24 hours, from the delivered_at indexes.
create or replace function public.get_order_stats(p_client_id uuid default null) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_scope uuid[];
  v_today date;
  v_totals jsonb;
  v_flags jsonb;
  v_deliveries jsonb;
begin
  v_scope := lead_orders.order_read_scope(p_client_id);
  v_today := lead_orders.agency_today();

  select jsonb_build_object(
           'orders_total', coalesce(sum(t.orders), 0),
           'by_status', jsonb_build_object(
             'Draft', coalesce(sum(t.orders) filter (where t.status = 'Draft'), 0),
             'Active', coalesce(sum(t.orders) filter (where t.status = 'Active'), 0),
             'Paused', coalesce(sum(t.orders) filter (where t.status = 'Paused'), 0),
             'Completed', coalesce(sum(t.orders) filter (where t.status = 'Completed'), 0),
             'Cancelled', coalesce(sum(t.orders) filter (where t.status = 'Cancelled'), 0)),
           'active', coalesce(sum(t.orders) filter (where t.status = 'Active'), 0),
           'leads_purchased', coalesce(sum(t.leads_purchased), 0),
           'leads_delivered', coalesce(sum(t.leads_delivered), 0),
           'leads_remaining', coalesce(sum(t.leads_purchased) - sum(t.leads_delivered), 0))
    into v_totals
    from lead_orders.order_totals_for(v_scope) t;

  -- Built per call so a client's scope is planned as an index lookup, never as a generic plan.
  -- The pace and flag expressions are order_summary's, word for word, with o.leads_remaining
  -- spelled out (open_orders has no such column) and $2 for the agency's date; a change to
  -- the view's rules must be made here too (test/stats-agency-today.test.ts compares them).
  execute format($q$
    select jsonb_build_object(
      'overdue', count(*) filter (where flags.is_overdue),
      'needs_attention', count(*) filter (where flags.is_overdue or coalesce(flags.pace = 'behind', false) or flags.is_nearly_full))
    from lead_orders.open_orders o
    cross join lateral (
      select case
        when o.start_date is null or o.target_delivery_date is null then null
        when $2 <= o.start_date then 0
        when $2 >= o.target_delivery_date then o.leads_purchased
        else (o.leads_purchased::bigint * ($2 - o.start_date)
              / (o.target_delivery_date - o.start_date))::int
      end as expected_delivered
    ) pace
    cross join lateral (
      select
        coalesce(o.status in ('Active', 'Paused') and o.target_delivery_date < $2
                 and o.leads_purchased - o.leads_delivered > 0, false) as is_overdue,
        case
          when o.status <> 'Active' or pace.expected_delivered is null then null
          when o.leads_delivered::bigint * 10 < pace.expected_delivered::bigint * 9 then 'behind'
          when o.leads_delivered::bigint * 10 > pace.expected_delivered::bigint * 11 then 'ahead'
          else 'on_track'
        end as pace,
        (o.status = 'Active' and o.leads_purchased - o.leads_delivered > 0
          and o.leads_purchased - o.leads_delivered <= greatest(1, ceil(o.leads_purchased * 0.1))) as is_nearly_full
    ) flags
    where %s$q$, case when v_scope is null then 'true' else 'o.client_id = any ($1)' end)
  into v_flags
  using v_scope, v_today;

  -- Two plain index-only counts over disjoint ranges: a per-row filter over the 30-day range
  -- costs more than a second scan. delivered_at is only ever set while a lead counts toward an order.
  execute format($q$
    select jsonb_build_object('delivered_last_7_days', d.last_7, 'delivered_last_30_days', d.last_7 + d.days_8_to_30)
      from (select
        (select count(*) from public.leads l where l.delivered_at >= now() - interval '7 days' and %1$s) as last_7,
        (select count(*) from public.leads l
          where l.delivered_at >= now() - interval '30 days' and l.delivered_at < now() - interval '7 days' and %1$s) as days_8_to_30) d$q$,
    case when v_scope is null then 'true' else 'l.client_id = any ($1)' end)
  into v_deliveries
  using v_scope;

  return v_totals || v_flags || v_deliveries;
end;
$$;

revoke execute on function public.get_orders(uuid, public.order_status[], date, date, text, int, text, text) from public, anon;
revoke execute on function public.get_order_stats(uuid) from public, anon;
grant execute on function public.get_orders(uuid, public.order_status[], date, date, text, int, text, text) to authenticated, service_role;
grant execute on function public.get_order_stats(uuid) to authenticated, service_role;
