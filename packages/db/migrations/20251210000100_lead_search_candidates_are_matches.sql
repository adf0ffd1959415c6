-- list_leads' rare search, second step. Its page query named the candidates (the leads the
-- rarest-trigrams-first query found, 20251210000000) and the whole term's ILIKE again; with both,
-- the planner preferred the whole term's trigram scan to reading the candidates by id, the slow
-- scan the candidates exist to avoid ('Nora Dubois', 768 matches: 15.8 ms at 1,000,000 leads).
-- The candidates already are the matches: every arm of their query ends with the whole ILIKE,
-- which PostgreSQL rechecks on each row it returns, and the function reads one snapshot. So the
-- page now reads the candidates by id alone. Their query also returns each one's page key, so the
-- list comes in page order and the page reads candidates by primary key in that order until it
-- is full (51 rows, not all 768; as 'l.id = any (list)' the planner had walked the newest-first
-- index testing each of 66,000 entries against the list, 11 ms). Without candidates (a common
-- term, no pg_trgm) the page keeps the whole ILIKE and its index walk as before. Results are
-- unchanged.

-- list_leads(p_client_id, p_order_id, p_no_order, p_status, p_search, p_delivered_from,
-- p_delivered_to, p_limit, p_cursor) returns { items: lead_row[], next_cursor: text | null },
-- newest first. p_delivered_from / p_delivered_to are days in the agency's time zone, inclusive.
-- Errors: forbidden (anon), invalid_input (bounds), invalid_dates, invalid_cursor.
-- SECURITY DEFINER with the scope decided first by lead_orders.visible_client_ids (every lead for
-- admins as public.is_order_admin() defines them, the caller's own clients' leads otherwise).
create or replace function public.list_leads(
  p_client_id uuid default null,
  p_order_id uuid default null,
  p_no_order boolean default false,
  p_status text[] default null,
  p_search text default null,
  p_delivered_from date default null,
  p_delivered_to date default null,
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
  v_admin boolean;
  v_search text := nullif(btrim(p_search), '');
  v_zone text := lead_orders.agency_time_zone();
  v_delivered_from timestamptz;
  v_delivered_before timestamptz;
  v_rare_matches int;
  v_matches text;
  v_plain text;
  v_runs record;
  v_candidates uuid[];
  v_after jsonb;
  v_where text[] := array['true'];
  v_from text := 'public.leads l';
  v_order text := 'coalesce(l.created_at, ''-infinity''::timestamptz) desc, l.id desc';
  v_rows jsonb;
  v_last_key jsonb;
begin
  v_scope := lead_orders.visible_client_ids(p_client_id);
  v_admin := public.is_order_admin();
  if p_limit is null or p_limit < 1 or p_limit > 500 then
    perform lead_orders.fail('invalid_input', 'p_limit must be between 1 and 500.', jsonb_build_object('field', 'p_limit'));
  end if;
  if length(p_search) > 200 then
    perform lead_orders.fail('invalid_input', 'p_search must be at most 200 characters.', jsonb_build_object('field', 'p_search'));
  end if;
  if p_order_id is not null and coalesce(p_no_order, false) then
    perform lead_orders.fail('invalid_input', 'p_order_id and p_no_order exclude each other.', jsonb_build_object('field', 'p_no_order'));
  end if;
  if p_status is not null and (cardinality(p_status) > 50 or array_position(p_status, null) is not null) then
    perform lead_orders.fail('invalid_input', 'p_status must hold at most 50 statuses and no null.', jsonb_build_object('field', 'p_status'));
  end if;
  if p_delivered_from is not null and p_delivered_to is not null and p_delivered_from > p_delivered_to then
    perform lead_orders.fail('invalid_dates', 'p_delivered_from is after p_delivered_to.', jsonb_build_object('field', 'p_delivered_from'));
  end if;
  if p_cursor is not null then
    v_after := lead_orders.decode_page_cursor(p_cursor, 'leads', array['timestamptz', 'uuid']);
    v_where := v_where || '((coalesce(l.created_at, ''-infinity''::timestamptz), l.id) < (($2 ->> 0)::timestamptz, ($2 ->> 1)::uuid))'::text;
  end if;
  if v_scope is not null then
    if cardinality(v_scope) = 0 then
      return jsonb_build_object('items', '[]'::jsonb, 'next_cursor', null);
    end if;
    v_where := v_where || (case when cardinality(v_scope) = 1 then 'l.client_id = ($1)[1]' else 'l.client_id = any ($1)' end)::text;
  end if;
  if p_order_id is not null then v_where := v_where || 'l.order_id = $3'::text; end if;
  if coalesce(p_no_order, false) then v_where := v_where || 'l.order_id is null'::text; end if;
  if p_status is not null then
    -- One status is an equality, so idx_leads_status_page can walk it newest first.
    v_where := v_where || (case when cardinality(p_status) = 1 then 'l.status = ($4)[1]' else 'l.status = any ($4)' end)::text;
  end if;
  if v_search is not null then
    v_search := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
    -- A term of three or more characters that the planner expects to be rare fetches its few
    -- matches through the trigram indexes, for every scope: a client's own walk would read all
    -- of a large client's leads (112,000 for the benchmark's biggest), and left to itself the
    -- planner scans the whole term's trigrams (24 ms). A common term walks the page index of the
    -- scope and stops after one page of matches.
    if length(btrim(p_search)) >= 3 and lead_orders.lead_search_indexed() then
      -- Each column's arm names the term's rarest trigrams first, then the whole term: the GIN
      -- scan intersects its conditions in the order written, so the trigrams every lead shares
      -- are only consulted for the few leads the rare ones leave.
      v_plain := format(
        'select l.id from public.leads l where l.company_name ilike %1$L or l.contact_name ilike %1$L or l.email ilike %1$L',
        v_search);
      select * into v_runs from lead_orders.lead_search_runs(p_search);
      v_matches := format(
        'select l.id, coalesce(l.created_at, ''-infinity''::timestamptz) as k from public.leads l where %s or %s or %s',
        lead_orders.rare_first_condition('l.company_name', v_search, v_runs.company_runs),
        lead_orders.rare_first_condition('l.contact_name', v_search, v_runs.contact_runs),
        lead_orders.rare_first_condition('l.email', v_search, v_runs.email_runs));
      -- The crossover: walking the page index reads about (p_limit + 1) * leads / matches rows,
      -- fetching the matches about as many rows as there are; they meet at the square root
      -- (~7,100 of 1,000,000 leads for a page of 50). The planner's estimate of the plain
      -- condition decides, no rows read (the rare-first one multiplies the runs' shares as if
      -- they were independent, and would call 'acme' rare).
      select greatest(100, sqrt((p_limit + 1) * greatest(c.reltuples, 0)))::int into v_rare_matches
        from pg_catalog.pg_class c where c.oid = 'public.leads'::regclass;
      if lead_orders.estimated_rows(v_plain) <= v_rare_matches then
        -- At most v_rare_matches + 1 read (a term commoner than estimated stops there), then
        -- put in page order, newest first.
        execute format('select coalesce(array_agg(x.id order by x.k desc, x.id desc), ''{}'') from (%s limit %s) x',
          v_matches, v_rare_matches + 1) into v_candidates;
        if cardinality(v_candidates) <= v_rare_matches then
          -- Read by id in that order until the page is full: as 'l.id = any ($9)' the planner
          -- walked the newest-first index testing every entry against the list (66,000 entries
          -- for 768 candidates), and a join sorted after reading every candidate (768 rows).
          v_from := 'unnest($9::uuid[]) with ordinality c (id, n) join public.leads l on l.id = c.id';
          v_order := 'c.n';
        else
          v_candidates := null;
        end if;
      end if;
    end if;
    -- The full condition, unless the candidates are the matches already: each arm of their query
    -- ends with it, rechecked on every row (the same snapshot: the function is stable). Named
    -- again beside them it led the planner back to the whole term's trigram scan.
    if v_candidates is null then
      v_where := v_where || '(l.company_name ilike $5 or l.contact_name ilike $5 or l.email ilike $5)'::text;
    end if;
  end if;
  -- Days in the agency's time zone: from the start of the first day to the start of the day after the last.
  if p_delivered_from is not null then
    v_delivered_from := p_delivered_from::timestamp at time zone v_zone;
    v_where := v_where || 'l.delivered_at >= $6'::text;
  end if;
  if p_delivered_to is not null then
    v_delivered_before := (p_delivered_to + 1)::timestamp at time zone v_zone;
    v_where := v_where || 'l.delivered_at < $7'::text;
  end if;

  execute format(
    'select coalesce(jsonb_agg(%1$s order by p.k desc, p.id desc), ''[]''),
            (array_agg(jsonb_build_array(p.k, p.id) order by p.k desc, p.id desc))[$8]
       from (select l.*, coalesce(l.created_at, ''-infinity''::timestamptz) as k
               from %3$s
              where %2$s
              order by %4$s
              limit $8 + 1) p
       left join public.orders o on o.id = p.order_id',
    'jsonb_build_object(''id'', p.id, ''company_name'', p.company_name, ''contact_name'', p.contact_name,
       ''email'', p.email, ''phone'', p.phone, ''status'', p.status, ''order_id'', p.order_id,
       ''order_number'', o.order_number, ''delivered_at'', p.delivered_at, ''created_at'', p.created_at)'
      || case when v_admin then ' || jsonb_build_object(''client_id'', p.client_id, ''client_name'',
           (select c.client_name from public.clients c where c.id = p.client_id))' else '' end,
    array_to_string(v_where, ' and '),
    v_from,
    v_order)
  into v_rows, v_last_key
  using v_scope, v_after, p_order_id, p_status, v_search, v_delivered_from, v_delivered_before, p_limit, v_candidates;

  if jsonb_array_length(v_rows) <= p_limit then
    return jsonb_build_object('items', v_rows, 'next_cursor', null);
  end if;
  return jsonb_build_object('items', v_rows - p_limit, 'next_cursor', lead_orders.encode_page_cursor('leads', v_last_key));
end;
$$;

revoke execute on function public.list_leads(uuid, uuid, boolean, text[], text, date, date, int, text) from public, anon;
grant execute on function public.list_leads(uuid, uuid, boolean, text[], text, date, date, int, text) to authenticated, service_role;
