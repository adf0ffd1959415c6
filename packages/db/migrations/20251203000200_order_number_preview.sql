-- What the order form shows before submit: the next automatic order number, and whether a number
-- typed by hand is free. Neither takes a number; both are admin tools.

-- The number next_order_number() would return now, without drawing it: the year's counter plus
-- one, skipping numbers already taken by hand, as next_order_number does. Another creation may
-- take it first; the form shows it as a preview only.
create or replace function public.preview_order_number() returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_year int := extract(year from current_date)::int;
  v_next int;
  v_number text;
begin
  if not public.is_order_admin() then
    perform lead_orders.fail('forbidden', 'Only admins can see order numbers before creating an order.');
  end if;
  select coalesce((select c.last_value from public.order_number_counters c where c.year = v_year), 0) + 1 into v_next;
  loop
    v_number := format('ORD-%s-%s', v_year, lpad(v_next::text, greatest(3, length(v_next::text)), '0'));
    exit when not exists (select 1 from public.orders o where o.order_number = v_number);
    v_next := v_next + 1;
  end loop;
  return jsonb_build_object('order_number', v_number);
end;
$$;

-- Whether no order has this number, compared as create_order and update_order store it (trimmed).
create or replace function public.is_order_number_available(p_order_number text) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_number text := btrim(p_order_number);
begin
  if not public.is_order_admin() then
    perform lead_orders.fail('forbidden', 'Only admins can check order numbers.');
  end if;
  if v_number is null or v_number = '' or length(v_number) > 100 then
    perform lead_orders.fail('invalid_input', 'p_order_number must be 1 to 100 characters, not blank.',
      jsonb_build_object('field', 'p_order_number'));
  end if;
  return jsonb_build_object(
    'order_number', v_number,
    'available', not exists (select 1 from public.orders o where o.order_number = v_number));
end;
$$;

revoke execute on function public.preview_order_number() from public, anon;
revoke execute on function public.is_order_number_available(text) from public, anon;
grant execute on function public.preview_order_number() to authenticated, service_role;
grant execute on function public.is_order_number_available(text) to authenticated, service_role;
