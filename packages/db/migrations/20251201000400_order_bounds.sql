-- Bounds on orders: the database refuses values it cannot compute with, with typed codes,
-- whichever way they arrive (the functions, or a direct insert/update through PostgREST), so no
-- row it accepts can break a list, a cursor or a summary for anyone.
--
--   leads_purchased   0 – 10,000,000 (the functions ask for at least 1)    invalid_quantity
--   priority          −1,000 – 1,000, never null (null becomes 0)          invalid_input
--   start_date, target_delivery_date, completion_date
--                     2000-01-01 – 2100-12-31 or null                      invalid_dates
--   order_number      1 – 40 characters (checked when set or changed)     invalid_input
--   name              up to 200 characters                                 invalid_input
--   description       up to 10,000 characters                              invalid_input
--   created_at, updated_at, status   never null                            invalid_input
--
-- Why these: `-priority` is an index key (idx_orders_page), so priority −2^31 overflowed inside
-- the index with a raw 22003; leads_purchased near 2^31 overflowed the pace arithmetic for every
-- reader; a null created_at made the newest-first cursor unusable. Lengths are characters.

-- Existing rows first, with the triggers off (they would record events for these repairs):
-- nulls get the values the API assumed, numbers are clamped into range, impossible dates become
-- unknown (null), overlong names and descriptions are cut. Order numbers are never rewritten:
-- the length rule applies when a number is set or changed.
alter table public.orders disable trigger user;
update public.orders set
  created_at = coalesce(created_at, updated_at, now()),
  updated_at = coalesce(updated_at, created_at, now()),
  status = coalesce(status, 'Draft'),
  priority = least(greatest(coalesce(priority, 0), -1000), 1000),
  leads_purchased = case when leads_purchased > 10000000 then greatest(10000000, leads_delivered) else leads_purchased end,
  start_date = case when start_date between '2000-01-01' and '2100-12-31' then start_date end,
  target_delivery_date = case when target_delivery_date between '2000-01-01' and '2100-12-31' then target_delivery_date end,
  completion_date = case when completion_date between '2000-01-01' and '2100-12-31' then completion_date end,
  name = left(name, 200),
  description = left(description, 10000)
where created_at is null or updated_at is null or status is null or priority is null
   or priority not between -1000 and 1000 or leads_purchased > 10000000
   or start_date not between '2000-01-01' and '2100-12-31'
   or target_delivery_date not between '2000-01-01' and '2100-12-31'
   or completion_date not between '2000-01-01' and '2100-12-31'
   or length(name) > 200 or length(description) > 10000;
alter table public.orders enable trigger user;

alter table public.orders
  alter column created_at set not null,
  alter column updated_at set not null,
  alter column status set not null,
  alter column priority set not null,
  -- The same bounds as constraints, a backstop for writes that skip triggers (replication, imports).
  add constraint orders_leads_purchased_bound check (leads_purchased <= 10000000),
  add constraint orders_priority_bound check (priority between -1000 and 1000),
  add constraint orders_dates_bound check (
    (start_date is null or start_date between '2000-01-01' and '2100-12-31')
    and (target_delivery_date is null or target_delivery_date between '2000-01-01' and '2100-12-31')
    and (completion_date is null or completion_date between '2000-01-01' and '2100-12-31')),
  add constraint orders_text_bound check (length(name) <= 200 and length(description) <= 10000);

-- The field checks that run first on every insert and update, now with the bounds above.
create or replace function lead_orders.check_order_fields() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_field text;
  v_max int;
  v_value text;
begin
  if new.order_number is null or btrim(new.order_number) = '' then
    perform lead_orders.fail('invalid_input', 'order_number must not be blank.', jsonb_build_object('field', 'order_number'));
  end if;
  if (tg_op = 'INSERT' or new.order_number is distinct from old.order_number) and length(new.order_number) > 40 then
    perform lead_orders.fail('invalid_input', 'order_number is longer than 40 characters.',
      jsonb_build_object('field', 'order_number', 'max_length', 40));
  end if;
  for v_field, v_max, v_value in values ('name', 200, new.name), ('description', 10000, new.description) loop
    if length(v_value) > v_max then
      perform lead_orders.fail('invalid_input', format('%s is longer than %s characters.', v_field, v_max),
        jsonb_build_object('field', v_field, 'max_length', v_max));
    end if;
  end loop;
  if (tg_op = 'INSERT' or new.order_number is distinct from old.order_number)
     and exists (select 1 from public.orders o where o.order_number = new.order_number and o.id <> new.id) then
    perform lead_orders.fail('order_number_taken', format('Order number %s is already taken.', new.order_number),
      jsonb_build_object('order_number', new.order_number));
  end if;
  for v_field, v_value in values ('start_date', new.start_date::text), ('target_delivery_date', new.target_delivery_date::text),
                                 ('completion_date', new.completion_date::text) loop
    if v_value is not null and v_value::date not between '2000-01-01' and '2100-12-31' then
      perform lead_orders.fail('invalid_dates', format('%s %s is outside 2000-01-01 to 2100-12-31.', v_field, v_value),
        jsonb_build_object('field', v_field, 'value', v_value, 'min', '2000-01-01', 'max', '2100-12-31'));
    end if;
  end loop;
  if new.start_date is not null and new.target_delivery_date is not null and new.start_date > new.target_delivery_date then
    perform lead_orders.fail('invalid_dates',
      format('start_date %s is after target_delivery_date %s.', new.start_date, new.target_delivery_date),
      jsonb_build_object('start_date', new.start_date, 'target_delivery_date', new.target_delivery_date));
  end if;
  if new.leads_purchased is null or new.leads_purchased < 0 or new.leads_purchased > 10000000 then
    perform lead_orders.fail('invalid_quantity', 'leads_purchased must be between 0 and 10,000,000.',
      jsonb_build_object('leads_purchased', new.leads_purchased, 'max', 10000000));
  end if;
  if new.status is null then
    perform lead_orders.fail('invalid_input', 'status must not be null.', jsonb_build_object('field', 'status'));
  end if;
  new.priority := coalesce(new.priority, 0);
  if new.priority not between -1000 and 1000 then
    perform lead_orders.fail('invalid_input', 'priority must be between -1000 and 1000.',
      jsonb_build_object('field', 'priority', 'value', new.priority, 'min', -1000, 'max', 1000));
  end if;
  foreach v_field in array array['created_at', 'updated_at'] loop
    if (v_field = 'created_at' and new.created_at is null) or (v_field = 'updated_at' and new.updated_at is null) then
      perform lead_orders.fail('invalid_input', format('%s must not be null.', v_field), jsonb_build_object('field', v_field));
    end if;
  end loop;
  return new;
end;
$$;
