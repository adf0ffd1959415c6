-- is_order_number_available accepts what an order can hold: 1 to 40 characters after trimming.
--
-- It accepted up to 100 characters, so a number of 41 to 100 characters was reported available
-- and then refused by create_order / update_order (check_order_fields: at most 40 characters).
-- The same bound as the column's, with the same detail (max_length).

-- Whether an order number is free: { order_number, available }, the number trimmed as orders
-- store it, compared case-sensitively as the unique index does. Admins only (forbidden);
-- null, blank or over 40 characters after trimming is invalid_input.
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
  if v_number is null or v_number = '' or length(v_number) > 40 then
    perform lead_orders.fail('invalid_input', 'p_order_number must be 1 to 40 characters, not blank.',
      jsonb_build_object('field', 'p_order_number', 'max_length', 40));
  end if;
  return jsonb_build_object(
    'order_number', v_number,
    'available', not exists (select 1 from public.orders o where o.order_number = v_number));
end;
$$;
