-- list_leads over every client with a rare search term read every lead (4.7 s at 1,000,000
-- leads): the term matched too few rows for the newest-first walk to stop early. Where pg_trgm is
-- installed (20251202000200_order_search.sql installs it where available: every Supabase project,
-- PGlite created with the extension) the searched lead columns get trigram indexes and an admin's
-- rare term fetches its matches through them, as get_orders does; elsewhere nothing is created and
-- the plan stays as before (lead_orders.lead_search_indexed() tells which). The results are the
-- same either way: the full ILIKE condition is always applied.
--
-- The lead date filters now count days in the agency's time zone (lead_orders.agency_time_zone()),
-- like every other date the database stores and counts, instead of the session's.
--
-- None of these columns changes on an assignment, so the indexes cost assignments nothing; they
-- cost inserts of leads and edits of their company, contact or email.

do $$
declare
  v_schema text;
begin
  select n.nspname into v_schema
    from pg_catalog.pg_extension e join pg_catalog.pg_namespace n on n.oid = e.extnamespace
   where e.extname = 'pg_trgm';
  if v_schema is null then
    raise notice 'pg_trgm is not installed: list_leads searches without a trigram index.';
    return;
  end if;
  execute format('create index if not exists idx_leads_company_trgm on public.leads using gin (company_name %I.gin_trgm_ops)', v_schema);
  execute format('create index if not exists idx_leads_contact_trgm on public.leads using gin (contact_name %I.gin_trgm_ops)', v_schema);
  execute format('create index if not exists idx_leads_email_trgm on public.leads using gin (email %I.gin_trgm_ops)', v_schema);
end
$$;

-- True when the leads' trigram indexes exist (this migration found pg_trgm).
create or replace function lead_orders.lead_search_indexed() returns boolean
language sql
stable
set search_path = ''
as $$
  select to_regclass('public.idx_leads_company_trgm') is not null
     and to_regclass('public.idx_leads_contact_trgm') is not null
     and to_regclass('public.idx_leads_email_trgm') is not null
$$;
revoke execute on function lead_orders.lead_search_indexed() from public, anon;
grant execute on function lead_orders.lead_search_indexed() to authenticated, service_role;

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
  v_candidates uuid[];
  v_after jsonb;
  v_where text[] := array['true'];
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
    -- Over every client (the other scopes walk a client's index), a term of three or more
    -- characters that the planner expects to be rare fetches its few matches through the trigram
    -- indexes; a common term walks the page index and stops after one page of matches.
    if v_scope is null and length(btrim(p_search)) >= 3 and lead_orders.lead_search_indexed() then
      v_matches := format(
        'select l.id from public.leads l where l.company_name ilike %1$L or l.contact_name ilike %1$L or l.email ilike %1$L',
        v_search);
      -- The crossover: walking the page index reads about (p_limit + 1) * leads / matches rows,
      -- fetching the matches about as many rows as there are; they meet at the square root
      -- (~7,100 of 1,000,000 leads for a page of 50). The planner's estimate decides, no rows read.
      select greatest(100, sqrt((p_limit + 1) * greatest(c.reltuples, 0)))::int into v_rare_matches
        from pg_catalog.pg_class c where c.oid = 'public.leads'::regclass;
      if lead_orders.estimated_rows(v_matches) <= v_rare_matches then
        execute format('select array(select x.id from (%s) x limit %s)', v_matches, v_rare_matches + 1) into v_candidates;
        if cardinality(v_candidates) <= v_rare_matches then
          v_where := v_where || 'l.id = any ($9)'::text;
        end if;
      end if;
    end if;
    -- Always the full condition: the candidates only narrow where to look.
    v_where := v_where || '(l.company_name ilike $5 or l.contact_name ilike $5 or l.email ilike $5)'::text;
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
               from public.leads l
              where %2$s
              order by coalesce(l.created_at, ''-infinity''::timestamptz) desc, l.id desc
              limit $8 + 1) p
       left join public.orders o on o.id = p.order_id',
    'jsonb_build_object(''id'', p.id, ''company_name'', p.company_name, ''contact_name'', p.contact_name,
       ''email'', p.email, ''phone'', p.phone, ''status'', p.status, ''order_id'', p.order_id,
       ''order_number'', o.order_number, ''delivered_at'', p.delivered_at, ''created_at'', p.created_at)'
      || case when v_admin then ' || jsonb_build_object(''client_id'', p.client_id, ''client_name'',
           (select c.client_name from public.clients c where c.id = p.client_id))' else '' end,
    array_to_string(v_where, ' and '))
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
