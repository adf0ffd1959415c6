-- Orders (campaigns): each client holds many, each with its own purchased quantity.
-- Shape as proposed; leads_delivered is maintained by the lead triggers (a later migration).

create type public.order_status as enum ('Draft', 'Active', 'Paused', 'Completed', 'Cancelled');

-- Per-year counter behind the automatic ORD-<year>-<NNN> numbers. A row lock per year makes it
-- concurrency-safe; numbers may have gaps (rolled-back creations, numbers taken by hand).
create table public.order_number_counters (
  year int primary key,
  last_value int not null
);
alter table public.order_number_counters enable row level security;
revoke all on public.order_number_counters from anon, authenticated;

create or replace function public.next_order_number() returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_year int := extract(year from current_date)::int;
  v_next int;
  v_number text;
begin
  -- Callable through the API as an RPC too; only those who may create orders may draw numbers.
  if not public.is_order_admin() then
    perform lead_orders.fail('forbidden', 'Only admins can draw order numbers.');
  end if;
  loop
    insert into public.order_number_counters as c (year, last_value)
    values (v_year, 1)
    on conflict (year) do update set last_value = c.last_value + 1
    returning c.last_value into v_next;
    -- At least three digits; lpad alone would cut 1000 and up back to three.
    v_number := format('ORD-%s-%s', v_year, lpad(v_next::text, greatest(3, length(v_next::text)), '0'));
    -- Skip numbers an admin already chose by hand.
    exit when not exists (select 1 from public.orders where order_number = v_number);
  end loop;
  return v_number;
end;
$$;
revoke execute on function public.next_order_number() from public, anon;

create table public.orders (
  id uuid primary key default gen_random_uuid(),
  order_number text not null unique,
  client_id uuid not null references public.clients (id) on delete cascade,
  name text,
  description text,
  leads_purchased integer not null default 0,
  leads_delivered integer not null default 0,
  leads_remaining integer generated always as (leads_purchased - leads_delivered) stored,
  target_delivery_date date,
  start_date date,
  completion_date date,
  status public.order_status default 'Draft',
  priority integer default 0,
  created_by uuid references auth.users (id) default auth.uid(),
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  check (leads_purchased >= 0),
  check (leads_delivered >= 0),
  check (leads_delivered <= leads_purchased)
);

-- The function's body refers to public.orders, so the default is attached after the table exists.
alter table public.orders alter column order_number set default public.next_order_number();
grant execute on function public.next_order_number() to authenticated, service_role;

create index idx_orders_client_id on public.orders (client_id);
create index idx_orders_status on public.orders (status);
create index idx_orders_order_number on public.orders (order_number);
create index idx_orders_client_status on public.orders (client_id, status);
create index idx_orders_target_date on public.orders (target_delivery_date) where target_delivery_date is not null;

-- get_orders pages in this order (priority high first, target date with none last, id); keyset
-- pagination compares row values, so the sort key is stored as ascending expressions.
create index idx_orders_page on public.orders
  ((-priority), (coalesce(target_delivery_date, 'infinity'::date)), id);
create index idx_orders_client_page on public.orders
  (client_id, (-priority), (coalesce(target_delivery_date, 'infinity'::date)), id);

-- The other sorts get_orders offers an admin over every order: target date, newest.
create index idx_orders_target_page on public.orders
  ((coalesce(target_delivery_date, 'infinity'::date)), (-priority), id);
create index idx_orders_created on public.orders (created_at, id);

create trigger update_orders_updated_at
  before update on public.orders
  for each row execute function public.update_updated_at_column();

comment on table public.orders is 'Orders (campaigns) of a client: purchased quantity, delivered count, dates, status, priority.';
comment on column public.orders.leads_delivered is 'Derived: the order''s leads with a delivered status. Maintained by triggers on leads; never written directly.';
