-- Dashboard numbers kept as they change, so get_order_stats reads a few rows instead of
-- aggregating every order.
--
-- Totals per client and status (orders, leads_purchased, leads_delivered) follow every insert,
-- update and delete of an order. A row trigger never updates a shared counter row: it appends
-- its difference to lead_orders.order_totals_log (insert only, so no row lock, no wait, no
-- deadlock, nothing lost), and the totals are the folded rows plus the log. Updating a counter
-- row per client (or one for the whole agency) in the trigger would hold that row's lock until
-- commit: every assignment to any order of a client would queue behind it, and a transaction that
-- then waits for another order's row lock could deadlock with one that holds that order and waits
-- for the counter. Folding (compact_order_totals) runs now and then inside a writer's
-- transaction, only when it wins a try-lock, so it never waits either.
--
-- The orders that can be overdue or need attention (Active and Paused; the flags depend on today)
-- are mirrored in the narrow table lead_orders.open_orders: a few hundred pages to scan instead of
-- fetching those orders from every page of public.orders. Its indexed columns never change on an
-- assignment, so an assignment updates its row in place (HOT).

create table lead_orders.order_totals (
  client_id uuid not null,
  -- order_status as text; '' for an order without status.
  status text not null,
  orders bigint not null default 0,
  leads_purchased bigint not null default 0,
  leads_delivered bigint not null default 0,
  primary key (client_id, status)
);
comment on table lead_orders.order_totals is 'Folded totals per client and status; add order_totals_log for the current values.';

create table lead_orders.order_totals_all (
  status text primary key,
  orders bigint not null default 0,
  leads_purchased bigint not null default 0,
  leads_delivered bigint not null default 0
);
comment on table lead_orders.order_totals_all is 'Folded totals per status over every client; add order_totals_log for the current values.';

create table lead_orders.order_totals_log (
  client_id uuid not null,
  status text not null,
  orders int not null,
  leads_purchased int not null,
  leads_delivered int not null
);
comment on table lead_orders.order_totals_log is 'Differences not yet folded into order_totals and order_totals_all (append only).';
-- Counts the log rows written, to fold every so often.
create sequence lead_orders.order_totals_log_seq;

create table lead_orders.open_orders (
  order_id uuid primary key,
  client_id uuid not null,
  status public.order_status not null,
  start_date date,
  target_delivery_date date,
  leads_purchased int not null,
  leads_delivered int not null
) with (fillfactor = 80);
create index idx_open_orders_client on lead_orders.open_orders (client_id);
comment on table lead_orders.open_orders is 'The Active and Paused orders, with what the overdue, pace and nearly-full flags need.';

-- Nobody reads or writes these through the API: the triggers and functions below do, as owner.
alter table lead_orders.order_totals enable row level security;
alter table lead_orders.order_totals_all enable row level security;
alter table lead_orders.order_totals_log enable row level security;
alter table lead_orders.open_orders enable row level security;
revoke all on lead_orders.order_totals, lead_orders.order_totals_all, lead_orders.order_totals_log,
  lead_orders.open_orders from public, anon, authenticated, service_role;
revoke all on sequence lead_orders.order_totals_log_seq from public, anon, authenticated, service_role;

-- Folds the log into the totals (called by the trigger below and by rebuild_order_totals, both
-- running as owner). Returns the log rows folded, or null when another transaction
-- is folding (it holds the try-lock until it commits; this call then does nothing and waits for
-- nothing). Only under READ COMMITTED: a snapshot older than the other folder's commit could try
-- to delete rows it already folded.
create or replace function lead_orders.compact_order_totals() returns int
language plpgsql
set search_path = ''
as $$
declare
  v_folded int;
begin
  if current_setting('transaction_isolation') <> 'read committed'
     or not pg_try_advisory_xact_lock(hashtext('lead_orders.order_totals')) then
    return null;
  end if;
  -- Keys in a fixed order, so even a writer outside this scheme could not deadlock with it.
  with folded as (
    delete from lead_orders.order_totals_log returning *
  ), per_client as (
    insert into lead_orders.order_totals as t (client_id, status, orders, leads_purchased, leads_delivered)
    select client_id, status, sum(orders), sum(leads_purchased), sum(leads_delivered)
      from folded group by client_id, status order by client_id, status
    on conflict (client_id, status) do update
      set orders = t.orders + excluded.orders,
          leads_purchased = t.leads_purchased + excluded.leads_purchased,
          leads_delivered = t.leads_delivered + excluded.leads_delivered
  ), per_status as (
    insert into lead_orders.order_totals_all as t (status, orders, leads_purchased, leads_delivered)
    select status, sum(orders), sum(leads_purchased), sum(leads_delivered)
      from folded group by status order by status
    on conflict (status) do update
      set orders = t.orders + excluded.orders,
          leads_purchased = t.leads_purchased + excluded.leads_purchased,
          leads_delivered = t.leads_delivered + excluded.leads_delivered
  )
  select count(*) into v_folded from folded;
  -- Rows that fell to zero stay (harmless, and finding them would scan the table); a rebuild drops them.
  return v_folded;
end;
$$;
revoke execute on function lead_orders.compact_order_totals() from public, anon, authenticated;

-- After each insert, delete and relevant update of an order: append its difference to the log
-- and keep its open_orders row. Constant work whatever the number of orders or leads.
create or replace function lead_orders.orders_totals_after_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op <> 'INSERT' then
    insert into lead_orders.order_totals_log (client_id, status, orders, leads_purchased, leads_delivered)
    values (old.client_id, coalesce(old.status::text, ''), -1, -old.leads_purchased, -old.leads_delivered);
  end if;
  if tg_op <> 'DELETE' then
    insert into lead_orders.order_totals_log (client_id, status, orders, leads_purchased, leads_delivered)
    values (new.client_id, coalesce(new.status::text, ''), 1, new.leads_purchased, new.leads_delivered);
  end if;

  if tg_op <> 'DELETE' and new.status in ('Active', 'Paused') then
    if tg_op = 'UPDATE' and old.id = new.id and old.status in ('Active', 'Paused') then
      update lead_orders.open_orders
         set client_id = new.client_id, status = new.status, start_date = new.start_date,
             target_delivery_date = new.target_delivery_date,
             leads_purchased = new.leads_purchased, leads_delivered = new.leads_delivered
       where order_id = new.id;
    else
      if tg_op = 'UPDATE' then delete from lead_orders.open_orders where order_id = old.id; end if;
      insert into lead_orders.open_orders
        (order_id, client_id, status, start_date, target_delivery_date, leads_purchased, leads_delivered)
      values (new.id, new.client_id, new.status, new.start_date, new.target_delivery_date,
              new.leads_purchased, new.leads_delivered);
    end if;
  elsif tg_op <> 'INSERT' and old.status in ('Active', 'Paused') then
    delete from lead_orders.open_orders where order_id = old.id;
  end if;

  -- Two log rows per change; fold about every 64 changes so the log stays a few pages.
  if nextval('lead_orders.order_totals_log_seq') % 64 = 0 then
    perform lead_orders.compact_order_totals();
  end if;
  return null;
end;
$$;
revoke execute on function lead_orders.orders_totals_after_write() from public, anon, authenticated;

create trigger orders_totals_after_insert_delete
  after insert or delete on public.orders
  for each row execute function lead_orders.orders_totals_after_write();

-- Only the columns the totals and open_orders hold: an update of name, priority or updated_at
-- costs nothing here (WHEN is checked before any function is called).
create trigger orders_totals_after_update
  after update on public.orders
  for each row
  when ((old.id, old.client_id, old.status, old.leads_purchased, old.leads_delivered, old.start_date, old.target_delivery_date)
        is distinct from
        (new.id, new.client_id, new.status, new.leads_purchased, new.leads_delivered, new.start_date, new.target_delivery_date))
  execute function lead_orders.orders_totals_after_write();

-- Current totals for the given clients (null: every client), by status: folded rows plus the log,
-- read in one statement (one snapshot). Called by get_order_stats, which runs as owner.
create or replace function lead_orders.order_totals_for(p_clients uuid[])
returns table (status text, orders bigint, leads_purchased bigint, leads_delivered bigint)
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_clients is null then
    return query
      select t.status, sum(t.orders)::bigint, sum(t.leads_purchased)::bigint, sum(t.leads_delivered)::bigint
        from (select a.status, a.orders, a.leads_purchased, a.leads_delivered from lead_orders.order_totals_all a
              union all
              select g.status, g.orders, g.leads_purchased, g.leads_delivered from lead_orders.order_totals_log g) t
       group by t.status;
  else
    return query
      select t.status, sum(t.orders)::bigint, sum(t.leads_purchased)::bigint, sum(t.leads_delivered)::bigint
        from (select c.status, c.orders, c.leads_purchased, c.leads_delivered from lead_orders.order_totals c
               where c.client_id = any (p_clients)
              union all
              select g.status, g.orders, g.leads_purchased, g.leads_delivered from lead_orders.order_totals_log g
               where g.client_id = any (p_clients)) t
       group by t.status;
  end if;
end;
$$;
revoke execute on function lead_orders.order_totals_for(uuid[]) from public, anon, authenticated;

-- Recomputes the totals, open_orders and the progress keys from public.orders, replaces them, and reports what had
-- drifted. Admin (or service role) only. Writes to orders wait until it commits: it takes a SHARE
-- lock on public.orders, which also waits for every transaction already writing orders, so the
-- recount sees every committed change and no log row is in flight.
-- Returns { orders_checked, drifted: [{ client_id, status, stored: {orders, leads_purchased,
-- leads_delivered}, actual: {…} }], open_orders_drifted: int, progress_drifted: int } (the last two
-- count the rows that were wrong or missing).
create or replace function public.rebuild_order_totals() returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_checked bigint;
  v_drifted jsonb;
  v_open_drifted int;
  v_progress_drifted int;
begin
  perform lead_orders.require_order_admin();
  lock table public.orders in share mode;
  perform pg_advisory_xact_lock(hashtext('lead_orders.order_totals'));
  perform lead_orders.compact_order_totals();

  create temporary table lead_orders_totals_recount on commit drop as
  select o.client_id, coalesce(o.status::text, '') as status, count(*)::bigint as orders,
         sum(o.leads_purchased)::bigint as leads_purchased, sum(o.leads_delivered)::bigint as leads_delivered
    from public.orders o group by 1, 2;
  select count(*) into v_checked from public.orders;

  select coalesce(jsonb_agg(jsonb_build_object(
           'client_id', coalesce(r.client_id, t.client_id), 'status', coalesce(r.status, t.status),
           'stored', jsonb_build_object('orders', coalesce(t.orders, 0), 'leads_purchased', coalesce(t.leads_purchased, 0),
                                        'leads_delivered', coalesce(t.leads_delivered, 0)),
           'actual', jsonb_build_object('orders', coalesce(r.orders, 0), 'leads_purchased', coalesce(r.leads_purchased, 0),
                                        'leads_delivered', coalesce(r.leads_delivered, 0)))
           order by coalesce(r.client_id, t.client_id), coalesce(r.status, t.status)), '[]')
    into v_drifted
    from lead_orders_totals_recount r
    full join lead_orders.order_totals t on t.client_id = r.client_id and t.status = r.status
   where (coalesce(t.orders, 0), coalesce(t.leads_purchased, 0), coalesce(t.leads_delivered, 0))
         is distinct from (coalesce(r.orders, 0), coalesce(r.leads_purchased, 0), coalesce(r.leads_delivered, 0));

  delete from lead_orders.order_totals;
  insert into lead_orders.order_totals select * from lead_orders_totals_recount order by client_id, status;
  delete from lead_orders.order_totals_all;
  insert into lead_orders.order_totals_all (status, orders, leads_purchased, leads_delivered)
  select status, sum(orders), sum(leads_purchased), sum(leads_delivered) from lead_orders_totals_recount group by status;
  drop table lead_orders_totals_recount;

  select count(*) into v_open_drifted
    from (select o.id, o.client_id, o.status, o.start_date, o.target_delivery_date, o.leads_purchased, o.leads_delivered
            from public.orders o where o.status in ('Active', 'Paused')) a
    full join lead_orders.open_orders p on p.order_id = a.id
   where (a.id, a.client_id, a.status, a.start_date, a.target_delivery_date, a.leads_purchased, a.leads_delivered)
         is distinct from
         (p.order_id, p.client_id, p.status, p.start_date, p.target_delivery_date, p.leads_purchased, p.leads_delivered);
  delete from lead_orders.open_orders;
  insert into lead_orders.open_orders
    (order_id, client_id, status, start_date, target_delivery_date, leads_purchased, leads_delivered)
  select o.id, o.client_id, o.status, o.start_date, o.target_delivery_date, o.leads_purchased, o.leads_delivered
    from public.orders o where o.status in ('Active', 'Paused');

  v_progress_drifted := lead_orders.rebuild_order_progress();

  return jsonb_build_object('orders_checked', v_checked, 'drifted', v_drifted,
    'open_orders_drifted', v_open_drifted, 'progress_drifted', v_progress_drifted);
end;
$$;
revoke execute on function public.rebuild_order_totals() from public, anon;
grant execute on function public.rebuild_order_totals() to authenticated, service_role;

-- Orders that exist before this migration.
do $$
begin
  insert into lead_orders.order_totals (client_id, status, orders, leads_purchased, leads_delivered)
  select o.client_id, coalesce(o.status::text, ''), count(*), sum(o.leads_purchased), sum(o.leads_delivered)
    from public.orders o group by 1, 2;
  insert into lead_orders.order_totals_all (status, orders, leads_purchased, leads_delivered)
  select coalesce(o.status::text, ''), count(*), sum(o.leads_purchased), sum(o.leads_delivered)
    from public.orders o group by 1;
  insert into lead_orders.open_orders
    (order_id, client_id, status, start_date, target_delivery_date, leads_purchased, leads_delivered)
  select o.id, o.client_id, o.status, o.start_date, o.target_delivery_date, o.leads_purchased, o.leads_delivered
    from public.orders o where o.status in ('Active', 'Paused');
end
$$;
