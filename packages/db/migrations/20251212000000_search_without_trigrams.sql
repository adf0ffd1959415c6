-- Search terms with no run of three letters or digits ('qz', 'Wu', 'a.b', '#7') could not use the
-- trigram indexes: pg_trgm takes its trigrams from runs of letters and digits, and such a term
-- has none the index can look up, so its ILIKE read every lead in scope (a rare two-letter term:
-- ~1 s as admin at 1,000,000 leads, 'a.b' ~0.4 s) and every order (~130 ms at 100,000).
--
-- Such terms now find their candidates through the one- and two-character n-grams (unigrams and
-- bigrams) of the searched text, kept in GIN indexes of text arrays (core PostgreSQL: PGlite has
-- them too, with or without pg_trgm). A lead matching ILIKE '%term%' holds every bigram of the
-- term (every character, for a one-character term), so the candidates are a superset of the
-- matches, and every candidate is checked against the whole ILIKE before it is returned.
--
-- * Leads: the n-grams live in lead_orders.lead_search_ngrams, one row per lead, written by
--   triggers only when a lead is inserted or deleted or its company, contact name, e-mail or id
--   changes. An assignment changes none of those, so it writes nothing there: an index on leads
--   itself would take a new entry on every assignment (the update of leads is not HOT, since
--   order_id and status are indexed), about 0.15 ms each.
-- * Orders and clients: expression indexes over order number and name, and client name. Neither
--   changes on an assignment, so the order's update stays HOT.
-- * GIN indexes gather new entries in a pending list that every scan reads in full, until it
--   reaches gin_pending_list_limit (4 MB by default) and is merged into the index. Every
--   assignment adds to the lead trigram indexes' lists, so after 6,000 lead writes the rare search
--   'contact12345@' took 22 ms instead of 3.9. At 256 kB per index it took 4.4 ms, with writes as
--   cheap as at 4 MB (0.43 ms per lead write, a 100-lead update 15 ms on average, the merges
--   included); at 64 kB the frequent merges made a 100-lead update 35 ms.
-- * A term with a run of three letters or digits keeps the trigram path of 20251210000000.
--   Either way the planner's estimate decides first, no rows read, whether the term is rare
--   enough to fetch its candidates; a common term ('a', 'ac') walks the page index as before.

-- The lowercase characters and two-character runs of p_text, every one in order (GIN keeps each
-- key once). lower() is what ILIKE compares, so a match's characters are found as they are
-- stored. The key of the n-gram indexes. Executable by the signed-in roles: an index expression
-- runs with the rights of whoever writes the row (an admin inserting an order or renaming a
-- client through PostgREST), and it reveals nothing. anon writes neither table.
create or replace function lead_orders.short_ngrams(p_text text) returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select pg_catalog.string_to_array(s, null)
      || array(select m[1] from pg_catalog.regexp_matches(s, '(..)', 'g') m)
      || array(select m[1] from pg_catalog.regexp_matches(pg_catalog.substr(s, 2), '(..)', 'g') m)
    from (select pg_catalog.lower(coalesce(p_text, '')) as s) t
$$;
revoke execute on function lead_orders.short_ngrams(text) from public, anon;
grant execute on function lead_orders.short_ngrams(text) to authenticated, service_role;

-- The n-grams a searched text must hold to match ILIKE '%p_term%': the term's bigrams (its
-- characters are in them), or its one character. Internal.
create or replace function lead_orders.term_ngrams(p_term text) returns text[]
language sql
immutable
set search_path = ''
as $$
  select coalesce(nullif(array(select g from unnest(n) g where length(g) = 2), '{}'), n)
    from (select lead_orders.short_ngrams(p_term) as n) t
$$;
revoke execute on function lead_orders.term_ngrams(text) from public, anon, authenticated, service_role;

-- Whether the trigram indexes can look p_term up: it holds a run of three letters or digits
-- (what pg_trgm makes its trigrams from). Internal.
create or replace function lead_orders.has_trigram_run(p_term text) returns boolean
language sql
immutable
set search_path = ''
as $$
  select pg_catalog.lower(p_term) ~ '[[:alnum:]]{3}'
$$;
revoke execute on function lead_orders.has_trigram_run(text) from public, anon, authenticated, service_role;

-- A lead's searched text as list_leads matches it: company, contact name and e-mail, each its
-- own line, so no bigram spans two of them unless the term holds a line break. Internal.
create or replace function lead_orders.lead_short_ngrams(p_company text, p_contact text, p_email text) returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select lead_orders.short_ngrams(coalesce(p_company, '') || E'\n' || coalesce(p_contact, '') || E'\n' || coalesce(p_email, ''))
$$;
revoke execute on function lead_orders.lead_short_ngrams(text, text, text) from public, anon, authenticated, service_role;

-- An order's searched text as get_orders matches it: order number and name. The key of
-- idx_orders_search_ngrams, executable by the signed-in roles like short_ngrams.
create or replace function lead_orders.order_short_ngrams(p_order_number text, p_name text) returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select lead_orders.short_ngrams(coalesce(p_order_number, '') || E'\n' || coalesce(p_name, ''))
$$;
revoke execute on function lead_orders.order_short_ngrams(text, text) from public, anon;
grant execute on function lead_orders.order_short_ngrams(text, text) to authenticated, service_role;

-- One row per lead: its n-grams. No API role may read or write it; the triggers below keep it.
create table lead_orders.lead_search_ngrams (
  lead_id uuid primary key,
  ngrams text[] not null
);
alter table lead_orders.lead_search_ngrams enable row level security;
revoke all on lead_orders.lead_search_ngrams from public, anon, authenticated, service_role;

insert into lead_orders.lead_search_ngrams (lead_id, ngrams)
select l.id, lead_orders.lead_short_ngrams(l.company_name, l.contact_name, l.email) from public.leads l;
create index idx_lead_search_ngrams on lead_orders.lead_search_ngrams using gin (ngrams) with (gin_pending_list_limit = 256);
analyze lead_orders.lead_search_ngrams;

-- Keeps lead_search_ngrams equal to the leads: inserts and deletes per statement (an import
-- writes its rows in one insert), updates per row and only when a searched column or the id
-- changed (the trigger's WHEN clause, so an assignment does not call it), truncation with it.
-- SECURITY DEFINER because whoever may write leads may not write this table.
create or replace function lead_orders.leads_keep_search_ngrams() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into lead_orders.lead_search_ngrams (lead_id, ngrams)
    select n.id, lead_orders.lead_short_ngrams(n.company_name, n.contact_name, n.email) from new_rows n
    on conflict (lead_id) do update set ngrams = excluded.ngrams;
  elsif tg_op = 'UPDATE' then
    if old.id is distinct from new.id then
      delete from lead_orders.lead_search_ngrams g where g.lead_id = old.id;
    end if;
    insert into lead_orders.lead_search_ngrams (lead_id, ngrams)
    values (new.id, lead_orders.lead_short_ngrams(new.company_name, new.contact_name, new.email))
    on conflict (lead_id) do update set ngrams = excluded.ngrams;
  elsif tg_op = 'DELETE' then
    delete from lead_orders.lead_search_ngrams g using old_rows o where g.lead_id = o.id;
  else
    truncate lead_orders.lead_search_ngrams;
  end if;
  return null;
end;
$$;
revoke execute on function lead_orders.leads_keep_search_ngrams() from public, anon, authenticated, service_role;

create trigger leads_search_ngrams_insert after insert on public.leads
  referencing new table as new_rows for each statement execute function lead_orders.leads_keep_search_ngrams();
create trigger leads_search_ngrams_update after update on public.leads
  for each row
  when (old.id is distinct from new.id or old.company_name is distinct from new.company_name
        or old.contact_name is distinct from new.contact_name or old.email is distinct from new.email)
  execute function lead_orders.leads_keep_search_ngrams();
create trigger leads_search_ngrams_delete after delete on public.leads
  referencing old table as old_rows for each statement execute function lead_orders.leads_keep_search_ngrams();
create trigger leads_search_ngrams_truncate after truncate on public.leads
  for each statement execute function lead_orders.leads_keep_search_ngrams();

-- rebuild_lead_search_ngrams() returns { drifted: int }: recomputes every lead's n-grams,
-- replaces the table, and reports how many rows were wrong, missing or left over. For after a
-- load that bypassed triggers (session_replication_role = replica), like rebuild_order_counts.
-- Errors: forbidden unless public.is_order_admin(). Writers of leads wait while it runs.
create or replace function public.rebuild_lead_search_ngrams() returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_drifted int;
begin
  if not public.is_order_admin() then
    perform lead_orders.fail('forbidden', 'Only admins can rebuild the lead search.');
  end if;
  lock table public.leads in share mode;
  lock table lead_orders.lead_search_ngrams in exclusive mode;
  create temporary table pg_temp.lead_orders_true_ngrams on commit drop as
    select l.id as lead_id, lead_orders.lead_short_ngrams(l.company_name, l.contact_name, l.email) as ngrams
      from public.leads l;
  select count(*) into v_drifted
    from lead_orders.lead_search_ngrams g
    full join pg_temp.lead_orders_true_ngrams r on r.lead_id = g.lead_id
   where g.lead_id is null or r.lead_id is null or g.ngrams is distinct from r.ngrams;
  if v_drifted > 0 then
    -- Built once after the rows are in: a million rows inserted into the GIN index would merge
    -- its 256 kB pending list hundreds of times.
    drop index lead_orders.idx_lead_search_ngrams;
    truncate lead_orders.lead_search_ngrams;
    insert into lead_orders.lead_search_ngrams (lead_id, ngrams)
    select r.lead_id, r.ngrams from pg_temp.lead_orders_true_ngrams r;
    create index idx_lead_search_ngrams on lead_orders.lead_search_ngrams using gin (ngrams) with (gin_pending_list_limit = 256);
  end if;
  drop table pg_temp.lead_orders_true_ngrams;
  return jsonb_build_object('drifted', v_drifted);
end;
$$;
revoke execute on function public.rebuild_lead_search_ngrams() from public, anon;
grant execute on function public.rebuild_lead_search_ngrams() to authenticated, service_role;

do $$
declare
  v_index text;
begin
  foreach v_index in array array['public.idx_leads_company_trgm', 'public.idx_leads_contact_trgm', 'public.idx_leads_email_trgm'] loop
    if to_regclass(v_index) is not null then
      execute format('alter index %s set (gin_pending_list_limit = 256)', v_index);
    end if;
  end loop;
end;
$$;

create index idx_orders_search_ngrams on public.orders using gin (lead_orders.order_short_ngrams(order_number, name));
create index idx_clients_search_ngrams on public.clients using gin (lead_orders.short_ngrams(client_name));
-- Statistics of the new index expressions (ANALYZE gathers them with the table's): without them
-- the planner takes any n-gram for rare (500 of 100,000 orders), and get_orders 'a' fetched
-- 2,259 candidates before walking the page index anyway (18 ms instead of 5).
analyze public.orders, public.clients;

-- How many matches a search may fetch by id before walking the page's index is cheaper: the walk
-- reads about (p_limit + 1) * rows / matches rows, fetching the matches about as many rows as
-- there are, and they meet at sqrt((p_limit + 1) * rows), at least 100 (the planner's row count
-- of p_table). ~7,100 of 1,000,000 leads, ~2,300 of 100,000 orders for a page of 50. Internal.
create or replace function lead_orders.rare_match_limit(p_table regclass, p_limit int) returns int
language sql
stable
set search_path = ''
as $$
  select greatest(100, sqrt((p_limit + 1) * greatest(c.reltuples, 0)))::int
    from pg_catalog.pg_class c where c.oid = p_table
$$;
revoke execute on function lead_orders.rare_match_limit(regclass, int) from public, anon, authenticated, service_role;

-- Every lead matching ILIKE p_pattern (p_term escaped, between % signs) in company, contact name
-- or e-mail, newest first as list_leads pages them, when the planner expects the term to be rare;
-- null when it expects more than lead_orders.rare_match_limit matches or finds more: walking the
-- page index then finds a page sooner. The estimate reads no rows.
-- - A term with a run of three letters or digits, when pg_trgm's indexes exist: the trigram
--   indexes, each column's rarest trigrams first (20251210000000). Without pg_trgm: null.
-- - Any other term: lead_search_ngrams, then the whole ILIKE on each candidate's lead.
-- Internal: list_leads reads its page from these ids.
create or replace function lead_orders.lead_search_candidates(p_term text, p_pattern text, p_limit int) returns uuid[]
language plpgsql
stable
set search_path = ''
as $$
declare
  v_rare_matches int := lead_orders.rare_match_limit('public.leads', p_limit);
  v_estimate text;
  v_matches text;
  v_ngrams text[];
  v_ids uuid[];
  v_candidates uuid[];
begin
  if lead_orders.has_trigram_run(p_term) then
    if not lead_orders.lead_search_indexed() then
      return null;
    end if;
    -- The plain condition's estimate: a rare-first condition multiplies the runs' shares as if
    -- they were independent, and would call 'acme' rare.
    v_estimate := format(
      'select l.id from public.leads l where l.company_name ilike %1$L or l.contact_name ilike %1$L or l.email ilike %1$L',
      p_pattern);
    v_matches := 'select l.id, coalesce(l.created_at, ''-infinity''::timestamptz) as k from public.leads l where '
      || lead_orders.rare_first_candidates(p_term, p_pattern);
  else
    v_ngrams := lead_orders.term_ngrams(p_term);
    if lead_orders.estimated_rows(format('select g.lead_id from lead_orders.lead_search_ngrams g where g.ngrams @> %L::text[]',
         v_ngrams)) > v_rare_matches then
      return null;
    end if;
    -- The leads holding every n-gram first, then the whole ILIKE on each of them by id: joined
    -- in one query, the planner trusted its (default) estimate of the ILIKE and scanned every lead.
    -- Planned for this term on each call, like the other candidate queries: a plan kept from an
    -- earlier term (the function's cached plans) could read the whole table.
    execute format('select array(select g.lead_id from lead_orders.lead_search_ngrams g where g.ngrams @> %L::text[] limit %s)',
      v_ngrams, v_rare_matches + 1) into v_ids;
    if cardinality(v_ids) > v_rare_matches then
      return null;
    end if;
    execute format(
      'select coalesce(array_agg(l.id order by coalesce(l.created_at, ''-infinity''::timestamptz) desc, l.id desc), ''{}'')
         from unnest($1) u (id) join public.leads l on l.id = u.id
        where l.company_name ilike %1$L or l.contact_name ilike %1$L or l.email ilike %1$L',
      p_pattern) using v_ids into v_candidates;
    return v_candidates;
  end if;
  if lead_orders.estimated_rows(v_estimate) > v_rare_matches then
    return null;
  end if;
  -- At most v_rare_matches + 1 read (a term commoner than estimated stops there), in page order.
  execute format('select coalesce(array_agg(x.id order by x.k desc, x.id desc), ''{}'') from (%s limit %s) x',
    v_matches, v_rare_matches + 1) into v_candidates;
  if cardinality(v_candidates) > v_rare_matches then
    return null;
  end if;
  return v_candidates;
end;
$$;
revoke execute on function lead_orders.lead_search_candidates(text, text, int) from public, anon, authenticated, service_role;

-- list_leads as in 20251210000000_lead_search_rare_trigrams_first.sql, its search candidates from
-- lead_orders.lead_search_candidates, so a term without a trigram is fetched by its n-grams.
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
    -- A rare term's matches come by id (lead_orders.lead_search_candidates), in every scope: a
    -- client's own walk would read all of a large client's leads (112,000 for the benchmark's
    -- biggest). A common term walks the page index of the scope and stops after one page.
    v_candidates := lead_orders.lead_search_candidates(btrim(p_search), v_search, p_limit);
    if v_candidates is not null then
      -- Read by id in that order until the page is full: as 'l.id = any ($9)' the planner
      -- walked the newest-first index testing every entry against the list (66,000 entries
      -- for 768 candidates), and a join sorted after reading every candidate (768 rows).
      v_from := 'unnest($9::uuid[]) with ordinality c (id, n) join public.leads l on l.id = c.id';
      v_order := 'c.n';
    end if;
    -- The full condition, unless the candidates are the matches already: lead_search_candidates
    -- applies it to every candidate (the same snapshot: the function is stable). Named again
    -- beside them it led the planner back to the whole term's trigram scan.
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

-- get_orders as in 20251205000000_reads_in_agency_time.sql, an admin's term without a trigram
-- fetched by its n-grams.
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
-- - an admin's search the planner expects to match few orders (at most sqrt((p_limit + 1) *
--   orders): ~2,300 of 100,000 for a page of 50) fetches them through the trigram indexes (a
--   term with a run of three letters or digits, when pg_trgm is installed) or the n-gram
--   indexes (any other term) and sorts the page from those; a common term instead walks the
--   sort's index and stops after one page of matches.
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
  -- Above this many matches, walking the sort's index finds a page sooner than sorting them
  -- (lead_orders.rare_match_limit).
  v_rare_matches int;
  v_scope uuid[];
  v_sort text := coalesce(p_sort, 'priority');
  v_keys text[];
  v_types text[];
  v_desc boolean;
  v_from text := 'public.order_summary s';
  v_after jsonb;
  v_term text;
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
  v_term := nullif(btrim(p_search), '');
  if v_term is not null then
    v_search := '%' || replace(replace(replace(v_term, '\', '\\'), '%', '\%'), '_', '\_') || '%';
    if v_scope is null then
      if not lead_orders.has_trigram_run(v_term) then
        v_matches := format(
          'select o.id from public.orders o where lead_orders.order_short_ngrams(o.order_number, o.name) @> %1$L::text[]
           union all
           select o.id from public.clients c join public.orders o on o.client_id = c.id
            where lead_orders.short_ngrams(c.client_name) @> %1$L::text[]',
          lead_orders.term_ngrams(v_term));
      elsif lead_orders.search_indexed() then
        v_matches := format(
          'select o.id from public.orders o where o.order_number ilike %1$L or o.name ilike %1$L
           union all
           select o.id from public.clients c join public.orders o on o.client_id = c.id where c.client_name ilike %1$L',
          v_search);
      end if;
    end if;
    if v_matches is not null then
      -- The planner's estimate (trigram or n-gram statistics, no rows read) decides; fetching the
      -- matches of a common term only to find it common would cost more than the page.
      v_rare_matches := lead_orders.rare_match_limit('public.orders', p_limit);
      if lead_orders.estimated_rows(v_matches) <= v_rare_matches then
        execute format('select array(select x.id from (%s) x limit %s)', v_matches, v_rare_matches + 1) into v_candidates;
        if cardinality(v_candidates) <= v_rare_matches then
          v_where := v_where || 's.id = any ($9)'::text;
        end if;
      end if;
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

revoke execute on function public.get_orders(uuid, public.order_status[], date, date, text, int, text, text) from public, anon;
grant execute on function public.get_orders(uuid, public.order_status[], date, date, text, int, text, text) to authenticated, service_role;
