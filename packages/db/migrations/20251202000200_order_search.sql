-- Trigram indexes for get_orders' search (order number, order name, client name, all ILIKE
-- '%term%'), where the database offers pg_trgm: every Supabase project does; PGlite only when the
-- instance was created with the extension (extensions: { pg_trgm } from
-- '@electric-sql/pglite/contrib/pg_trgm'). Without it nothing is created and get_orders keeps
-- its plan without the index (lead_orders.search_indexed() tells which).
--
-- None of these columns changes on an assignment, so the indexes cost assignments nothing (the
-- order's row is still updated in place, HOT); they cost inserts and renames of orders and clients.

do $$
declare
  v_schema text;
begin
  if not exists (select 1 from pg_catalog.pg_available_extensions where name = 'pg_trgm') then
    raise notice 'pg_trgm is not available: get_orders searches without a trigram index.';
    return;
  end if;
  -- In schema extensions, as Supabase keeps them (and its linter asks): never in public, where
  -- its functions would become API endpoints. An existing installation stays where it is.
  if not exists (select 1 from pg_catalog.pg_extension where extname = 'pg_trgm') then
    create schema if not exists extensions;
    create extension pg_trgm with schema extensions;
  end if;
  select n.nspname into v_schema
    from pg_catalog.pg_extension e join pg_catalog.pg_namespace n on n.oid = e.extnamespace
   where e.extname = 'pg_trgm';
  execute format('create index idx_orders_number_trgm on public.orders using gin (order_number %I.gin_trgm_ops)', v_schema);
  execute format('create index idx_orders_name_trgm on public.orders using gin (name %I.gin_trgm_ops)', v_schema);
  execute format('create index idx_clients_name_trgm on public.clients using gin (client_name %I.gin_trgm_ops)', v_schema);
end
$$;

-- True when the trigram indexes exist (this migration found pg_trgm).
create or replace function lead_orders.search_indexed() returns boolean
language sql
stable
set search_path = ''
as $$
  select to_regclass('public.idx_orders_number_trgm') is not null
     and to_regclass('public.idx_orders_name_trgm') is not null
     and to_regclass('public.idx_clients_name_trgm') is not null
$$;
revoke execute on function lead_orders.search_indexed() from public, anon;
grant execute on function lead_orders.search_indexed() to authenticated, service_role;
