-- An admin's rare lead search took 25 ms at 1,000,000 leads (target 10 ms). Its candidates came
-- from one trigram GIN condition per column, '%contact12345@%' on email: GIN walks that
-- condition's rarest trigram ('345', ~5,000 leads spread over the whole table) and, for each of
-- those leads, skips forward in the posting trees of the trigrams every address shares
-- ('con', 'ont', 'nta', 'tac', 'act': 1,000,000 leads each), which reads nearly every leaf page of
-- those trees (1,613 pages). Real addresses have the same shape ('gmail', '.com', common names).
--
-- 1. Each column's candidate condition lists the term's three rarest trigrams (judged on the 50
--    newest leads, lead_orders.lead_search_runs) as separate conditions ahead of the whole term.
--    GIN evaluates a scan's conditions in order and stops at the first that fails, so the shared
--    trigrams are consulted only for the leads holding the rare ones: 131 index pages instead of
--    1,613. The trigrams are judged (~0.6 ms) only once the planner expects the term to be rare:
--    a common term ('contact', 'Law Group') walks the page index and never needs them.
-- 2. The candidates already are the matches: every arm of their query ends with the whole ILIKE,
--    which PostgreSQL rechecks on each row it returns, in the function's one snapshot. So the page
--    reads them by primary key alone, in page order, until it is full. Named beside them, the
--    whole term's ILIKE led the planner back to its slow trigram scan, and 'l.id = any (list)'
--    walked the newest-first index testing each entry against the list ('Nora Dubois', 768
--    matches: 66,000 entries, 11 ms). Without candidates (a common term, no pg_trgm) the page keeps
--    the whole ILIKE and its index walk as before.
-- 3. A client's search (one client's leads) takes the same path when the term is rare: the
--    planner had answered the biggest client's rare search with the whole term's trigram scan
--    (24 ms).
--
-- Results are unchanged; where pg_trgm is missing nothing changes (lead_orders.lead_search_indexed()).

-- The term's rarest trigrams for each searched lead column, at most p_count each: the
-- three-character runs of letters and digits in lower(p_term) (among its first 26 characters),
-- ordered by how many of the 50 newest leads hold them in that column (fewest first, then by
-- position in the term), skipping a run that overlaps one already taken: overlapping runs
-- ('dub', 'ubo' in 'dubois') mostly find the same leads, runs from apart narrow each other.
-- Each run is one pg_trgm trigram and an ILIKE pattern between % signs as it is (no wildcard
-- characters). The trigrams that make a scan slow are the ones most leads share (a common
-- domain, prefix or word); 50 leads show a trigram held by a fifth of them with near certainty
-- (0.8^50 < 1e-4), and reading them costs an index walk of 50 rows, cheaper than parsing the
-- column statistics' arrays. '{}' when the term has no such run.
-- Internal: list_leads orders its candidate conditions by it.
create or replace function lead_orders.lead_search_runs(p_term text, p_count int default 3,
  out company_runs text[], out contact_runs text[], out email_runs text[])
language plpgsql
stable
set search_path = ''
as $$
declare
  v_run record;
  v_col int;
  v_taken int[];
begin
  company_runs := '{}';
  contact_runs := '{}';
  email_runs := '{}';
  for v_run in
    with runs as (
      select r.run, min(r.i) as at
        from (select substr(lower(p_term), i, 3) as run, i
                from pg_catalog.generate_series(1, least(length(p_term), 26) - 2) i) r
       where r.run ~ '^[[:alnum:]]{3}$'
       group by r.run
    ), sample as (
      select lower(l.company_name) as company, lower(l.contact_name) as contact, lower(l.email) as email
        from public.leads l
       order by coalesce(l.created_at, '-infinity'::timestamptz) desc, l.id desc
       limit 50
    )
    select r.run, r.at, c.col,
           case c.col when 1 then count(*) filter (where strpos(s.company, r.run) > 0)
                      when 2 then count(*) filter (where strpos(s.contact, r.run) > 0)
                      else count(*) filter (where strpos(s.email, r.run) > 0) end as holders
      from runs r cross join (values (1), (2), (3)) c (col) left join sample s on true
     group by r.run, r.at, c.col
     order by c.col, holders, r.at
  loop
    if v_run.col is distinct from v_col then
      v_col := v_run.col;
      v_taken := '{}';
    end if;
    -- At most p_count runs per column, none overlapping one taken before.
    if cardinality(v_taken) >= p_count or exists (select 1 from unnest(v_taken) t where abs(t - v_run.at) < 3) then
      continue;
    end if;
    v_taken := v_taken || v_run.at;
    case v_run.col
      when 1 then company_runs := company_runs || v_run.run;
      when 2 then contact_runs := contact_runs || v_run.run;
      else email_runs := email_runs || v_run.run;
    end case;
  end loop;
end;
$$;
revoke execute on function lead_orders.lead_search_runs(text, int) from public, anon, authenticated, service_role;

-- '(<p_column> ilike ''%run1%'' and ... and <p_column> ilike <p_pattern>)': the runs first, the
-- whole (already escaped) pattern last, as SQL text for a candidate query. p_column is trusted
-- SQL (an alias-qualified column); the runs hold letters and digits only.
create or replace function lead_orders.rare_first_condition(p_column text, p_pattern text, p_runs text[])
returns text
language sql
immutable
set search_path = ''
as $$
  select '(' || coalesce((select string_agg(format('%s ilike %L and ', p_column, '%' || r || '%'), '' order by o)
                            from unnest(p_runs) with ordinality u (r, o)), '')
             || format('%s ilike %L)', p_column, p_pattern)
$$;
revoke execute on function lead_orders.rare_first_condition(text, text, text[]) from public, anon, authenticated, service_role;

-- The condition a rare term's candidates meet, as SQL text over public.leads l: one arm per
-- searched column, each naming the column's rarest runs of p_term before the whole p_pattern (the
-- term already escaped and between % signs). Internal: list_leads fetches its candidates with it,
-- and bench/page-reads.ts shows the plan it gets.
create or replace function lead_orders.rare_first_candidates(p_term text, p_pattern text)
returns text
language sql
stable
set search_path = ''
as $$
  select format('%s or %s or %s',
           lead_orders.rare_first_condition('l.company_name', p_pattern, r.company_runs),
           lead_orders.rare_first_condition('l.contact_name', p_pattern, r.contact_runs),
           lead_orders.rare_first_condition('l.email', p_pattern, r.email_runs))
    from lead_orders.lead_search_runs(p_term) r
$$;
revoke execute on function lead_orders.rare_first_candidates(text, text) from public, anon, authenticated, service_role;

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
      -- The crossover: walking the page index reads about (p_limit + 1) * leads / matches rows,
      -- fetching the matches about as many rows as there are; they meet at the square root
      -- (~7,100 of 1,000,000 leads for a page of 50). The planner's estimate of the plain
      -- condition decides, no rows read (a rare-first condition multiplies the runs' shares as
      -- if they were independent, and would call 'acme' rare).
      v_plain := format(
        'select l.id from public.leads l where l.company_name ilike %1$L or l.contact_name ilike %1$L or l.email ilike %1$L',
        v_search);
      select greatest(100, sqrt((p_limit + 1) * greatest(c.reltuples, 0)))::int into v_rare_matches
        from pg_catalog.pg_class c where c.oid = 'public.leads'::regclass;
      if lead_orders.estimated_rows(v_plain) <= v_rare_matches then
        -- Each column's arm names the term's rarest trigrams first, then the whole term: the GIN
        -- scan intersects its conditions in the order written, so the trigrams every lead shares
        -- are only consulted for the few leads the rare ones leave. Judged only now: a common
        -- term never needs them.
        v_matches := 'select l.id, coalesce(l.created_at, ''-infinity''::timestamptz) as k from public.leads l where '
          || lead_orders.rare_first_candidates(p_search, v_search);
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
