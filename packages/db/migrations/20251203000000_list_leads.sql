-- Leads with filters for the admin and client pages (all leads, an order's leads, the assignment
-- panel's leads without an order): keyset pages, newest first.

-- Keyset cursors for the page functions below: base64 JSON {"kind": …, "after": [the last row's
-- key]}, one line (base64 breaks lines every 76 characters; a cursor travels in URLs). The kind
-- keeps a cursor of one list from being replayed on another.
create or replace function lead_orders.encode_page_cursor(p_kind text, p_after jsonb) returns text
language sql
immutable
set search_path = ''
as $$
  select translate(encode(convert_to(jsonb_build_object('kind', p_kind, 'after', p_after)::text, 'utf8'), 'base64'), E'\n', '')
$$;

-- Returns the cursor's key as a JSON array, each element checked against p_types, or refuses with
-- invalid_cursor (a cast that fails or yields null means the cursor was not ours).
create or replace function lead_orders.decode_page_cursor(p_cursor text, p_kind text, p_types text[]) returns jsonb
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
    if v_cursor ->> 'kind' is distinct from p_kind or jsonb_typeof(v_after) is distinct from 'array'
       or jsonb_array_length(v_after) <> cardinality(p_types) then
      raise exception 'malformed';
    end if;
    for i in 1 .. cardinality(p_types) loop
      execute format('select ($1 ->> %s)::%s is not null', i - 1, p_types[i]) into v_ok using v_after;
      if not v_ok then raise exception 'malformed'; end if;
    end loop;
  exception when others then
    perform lead_orders.fail('invalid_cursor', format('p_cursor was not produced by this list (%s).', p_kind), '{}'::jsonb,
      'Pass next_cursor from the previous page unchanged, with the same filters, or null for the first page.');
  end;
  return v_after;
end;
$$;

revoke execute on function lead_orders.encode_page_cursor(text, jsonb) from public, anon;
revoke execute on function lead_orders.decode_page_cursor(text, text, text[]) from public, anon;
grant execute on function lead_orders.encode_page_cursor(text, jsonb) to authenticated, service_role;
grant execute on function lead_orders.decode_page_cursor(text, text, text[]) to authenticated, service_role;

-- Pages walk these backwards (newest first). created_at may be null in the agency's table; such
-- leads sort last, as the oldest. Partial indexes hold only the leads without an order, so they
-- stay small however many leads are assigned, and an assignment only removes an entry.
create index if not exists idx_leads_page on public.leads ((coalesce(created_at, '-infinity'::timestamptz)), id);
create index if not exists idx_leads_client_page on public.leads (client_id, (coalesce(created_at, '-infinity'::timestamptz)), id);
create index if not exists idx_leads_order_page on public.leads (order_id, (coalesce(created_at, '-infinity'::timestamptz)), id)
  where order_id is not null;
create index if not exists idx_leads_unassigned_page on public.leads ((coalesce(created_at, '-infinity'::timestamptz)), id)
  where order_id is null;
create index if not exists idx_leads_client_unassigned_page on public.leads (client_id, (coalesce(created_at, '-infinity'::timestamptz)), id)
  where order_id is null;

-- SECURITY DEFINER with the scope decided explicitly by lead_orders.visible_client_ids (the RLS
-- rule: every lead for admins, the caller's own clients' leads otherwise), as get_orders does, so
-- every call walks one of the page indexes above. A client gets the columns of its own leads that
-- concern it; the agency's other lead columns never leave the database, and an admin also gets
-- client_id and client_name. The SQL is built per call from only the filters given.
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
  if p_status is not null then v_where := v_where || 'l.status = any ($4)'::text; end if;
  if v_search is not null then
    v_search := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
    v_where := v_where || '(l.company_name ilike $5 or l.contact_name ilike $5 or l.email ilike $5)'::text;
  end if;
  -- Days in the session's time zone, as current_date: from the start of the first day to the end of the last.
  if p_delivered_from is not null then v_where := v_where || 'l.delivered_at >= $6::timestamptz'::text; end if;
  if p_delivered_to is not null then v_where := v_where || 'l.delivered_at < ($7 + 1)::timestamptz'::text; end if;

  execute format(
    'select coalesce(jsonb_agg(%1$s order by p.k desc, p.id desc), ''[]''),
            (array_agg(jsonb_build_array(p.k, p.id) order by p.k desc, p.id desc))[$8]
       from (select l.*, coalesce(l.created_at, ''-infinity''::timestamptz) as k
               from public.leads l
              where %2$s
              order by coalesce(l.created_at, ''-infinity''::timestamptz) desc, l.id desc
              limit $8 + 1) p
       left join public.orders o on o.id = p.order_id
       %3$s',
    'jsonb_build_object(''id'', p.id, ''company_name'', p.company_name, ''contact_name'', p.contact_name,
       ''email'', p.email, ''phone'', p.phone, ''status'', p.status, ''order_id'', p.order_id,
       ''order_number'', o.order_number, ''delivered_at'', p.delivered_at, ''created_at'', p.created_at)'
      || case when v_admin then ' || jsonb_build_object(''client_id'', p.client_id, ''client_name'', c.client_name)' else '' end,
    array_to_string(v_where, ' and '),
    case when v_admin then 'left join public.clients c on c.id = p.client_id' else '' end)
  into v_rows, v_last_key
  using v_scope, v_after, p_order_id, p_status, v_search, p_delivered_from, p_delivered_to, p_limit;

  if jsonb_array_length(v_rows) <= p_limit then
    return jsonb_build_object('items', v_rows, 'next_cursor', null);
  end if;
  return jsonb_build_object('items', v_rows - p_limit, 'next_cursor', lead_orders.encode_page_cursor('leads', v_last_key));
end;
$$;

revoke execute on function public.list_leads(uuid, uuid, boolean, text[], text, date, date, int, text) from public, anon;
grant execute on function public.list_leads(uuid, uuid, boolean, text[], text, date, date, int, text) to authenticated, service_role;
