-- Order numbers and names are labels shown in lists, options, links and CSV files: they may not
-- carry the Unicode controls that reorder text around them (the embeddings and overrides
-- U+202A–U+202E, the isolates U+2066–U+2069). The widgets isolate every label, so an override
-- cannot reverse the counts beside it on screen; but the label itself still reads reversed
-- ("Evil\u202Egnp.exe" shows as "Evilexe.png") in the widgets, in a spreadsheet opening the CSV
-- export, and in every other tool that reads the table. Arabic and Hebrew names need none of these
-- (the implicit marks U+200E / U+200F stay allowed), and descriptions, free text, stay as written.
-- Checked when a number or name is set or changed; rows stored before are left as they are.

create or replace function lead_orders.refuse_bidi_controls() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  c_controls constant text := '[' || chr(8234) || '-' || chr(8238) || chr(8294) || '-' || chr(8297) || ']';
begin
  if (tg_op = 'INSERT' or new.order_number is distinct from old.order_number) and new.order_number ~ c_controls then
    perform lead_orders.fail('invalid_input',
      'order_number must not contain bidirectional control characters (U+202A to U+202E, U+2066 to U+2069).',
      jsonb_build_object('field', 'order_number'));
  end if;
  if (tg_op = 'INSERT' or new.name is distinct from old.name) and new.name ~ c_controls then
    perform lead_orders.fail('invalid_input',
      'name must not contain bidirectional control characters (U+202A to U+202E, U+2066 to U+2069).',
      jsonb_build_object('field', 'name'));
  end if;
  return new;
end;
$$;
revoke execute on function lead_orders.refuse_bidi_controls() from public, anon, authenticated, service_role;

create trigger orders_refuse_bidi_controls before insert or update of order_number, name on public.orders
  for each row execute function lead_orders.refuse_bidi_controls();
