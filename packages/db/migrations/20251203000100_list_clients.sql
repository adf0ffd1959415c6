-- The order form's client picker: an admin searches the agency's clients by name, in keyset pages.

create index if not exists idx_clients_name_page on public.clients (client_name, id);

-- SECURITY DEFINER after an explicit admin check: clients are refused (forbidden), not handed an
-- empty list, because the picker is an admin tool and a refusal names the mistake.
create or replace function public.list_clients(p_search text default null, p_limit int default 50, p_cursor text default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_search text := nullif(btrim(p_search), '');
  v_after jsonb;
  v_rows jsonb;
  v_last_key jsonb;
begin
  if not public.is_order_admin() then
    perform lead_orders.fail('forbidden', 'Only admins can list clients.');
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 500 then
    perform lead_orders.fail('invalid_input', 'p_limit must be between 1 and 500.', jsonb_build_object('field', 'p_limit'));
  end if;
  if length(p_search) > 200 then
    perform lead_orders.fail('invalid_input', 'p_search must be at most 200 characters.', jsonb_build_object('field', 'p_search'));
  end if;
  if p_cursor is not null then
    v_after := lead_orders.decode_page_cursor(p_cursor, 'clients', array['text', 'uuid']);
  end if;
  if v_search is not null then
    v_search := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  end if;

  -- Each optional filter is written so that a null argument switches it off; two arguments, one plan shape.
  select coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'client_name', p.client_name) order by p.client_name, p.id), '[]'),
         (array_agg(jsonb_build_array(p.client_name, p.id) order by p.client_name, p.id))[p_limit]
    into v_rows, v_last_key
    from (select c.id, c.client_name
            from public.clients c
           where (v_after is null or (c.client_name, c.id) > (v_after ->> 0, (v_after ->> 1)::uuid))
             and (v_search is null or c.client_name ilike v_search)
           order by c.client_name, c.id
           limit p_limit + 1) p;

  if jsonb_array_length(v_rows) <= p_limit then
    return jsonb_build_object('items', v_rows, 'next_cursor', null);
  end if;
  return jsonb_build_object('items', v_rows - p_limit, 'next_cursor', lead_orders.encode_page_cursor('clients', v_last_key));
end;
$$;

revoke execute on function public.list_clients(text, int, text) from public, anon;
grant execute on function public.list_clients(text, int, text) to authenticated, service_role;
