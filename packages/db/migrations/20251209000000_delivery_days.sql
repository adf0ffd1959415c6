-- Deliveries per order and agency day, kept as leads are written, so an order's delivery chart
-- reads a few hundred rows instead of every lead it holds.
--
-- get_delivery_series grouped the order's leads by day on every call: an index-only scan of all
-- of them, about 30 ms for an order of 100,000 leads on a quiet server. The day counts now live in
-- lead_orders.order_delivery_days, one row per order and day (in the agency's time zone) that had
-- a delivery, kept exact by statement triggers on public.leads that read the statement's old and
-- new rows (transition tables): a lead counts on the day of its delivered_at while it has an
-- order, and delivered_at is set exactly while a lead counts toward its order (the lead triggers
-- keep it so). A change of the agency's time zone recomputes the table.
--
-- Lock order: the day rows of one statement are written in (order_id, day) order, after
-- everything else the statement locks (the leads, then their orders, which the lead triggers and
-- the write functions lock first). So these triggers must fire after the triggers that lock
-- orders: statement triggers of one event fire in name order, and these are named
-- leads_tally_delivery_days_* to come after them.

create table lead_orders.order_delivery_days (
  order_id uuid not null,
  -- A day in the agency's time zone (lead_orders.agency_time_zone()).
  day date not null,
  -- Leads of the order whose delivered_at falls on that day. Zero once they all left.
  delivered int not null,
  primary key (order_id, day)
);
comment on table lead_orders.order_delivery_days is
  'Delivered leads per order and agency day, kept by statement triggers on leads; read by get_delivery_series.';
alter table lead_orders.order_delivery_days enable row level security;
revoke all on lead_orders.order_delivery_days from public, anon, authenticated, service_role;

-- Adds the statement's change of each (order, day) count: -1 per old row that counted, +1 per
-- new row that counts; an update's rows whose order and delivery time stayed as they were are
-- left out, so an edit of names or phone numbers of many leads writes nothing. Orders deleted in
-- the meantime (a lead's order_id set null by its order's deletion) are skipped: their rows went
-- with them. One statement per event, because each event has only its own transition tables
-- (an INSERT has no old rows to name).
create or replace function lead_orders.leads_tally_delivery_days() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_zone text := lead_orders.agency_time_zone();
begin
  if tg_op = 'INSERT' then
    insert into lead_orders.order_delivery_days as d (order_id, day, delivered)
    select n.order_id, (n.delivered_at at time zone v_zone)::date, count(*)::int
      from new_rows n
     where n.order_id is not null and n.delivered_at is not null
       and exists (select 1 from public.orders x where x.id = n.order_id)
     group by 1, 2
     order by 1, 2
    on conflict (order_id, day) do update set delivered = d.delivered + excluded.delivered;
  elsif tg_op = 'DELETE' then
    insert into lead_orders.order_delivery_days as d (order_id, day, delivered)
    select o.order_id, (o.delivered_at at time zone v_zone)::date, -count(*)::int
      from old_rows o
     where o.order_id is not null and o.delivered_at is not null
       and exists (select 1 from public.orders x where x.id = o.order_id)
     group by 1, 2
     order by 1, 2
    on conflict (order_id, day) do update set delivered = d.delivered + excluded.delivered;
  else
    insert into lead_orders.order_delivery_days as d (order_id, day, delivered)
    select c.order_id, c.day, sum(c.delta)::int
      from old_rows o
      join new_rows n on n.id = o.id
     cross join lateral (
       select o.order_id, (o.delivered_at at time zone v_zone)::date as day, -1 as delta
        where o.order_id is not null and o.delivered_at is not null
       union all
       select n.order_id, (n.delivered_at at time zone v_zone)::date, 1
        where n.order_id is not null and n.delivered_at is not null
     ) c
     where (o.order_id, o.delivered_at) is distinct from (n.order_id, n.delivered_at)
       and exists (select 1 from public.orders x where x.id = c.order_id)
     group by c.order_id, c.day
    having sum(c.delta) <> 0
     order by c.order_id, c.day
    on conflict (order_id, day) do update set delivered = d.delivered + excluded.delivered;
  end if;
  return null;
end;
$$;
revoke execute on function lead_orders.leads_tally_delivery_days() from public, anon, authenticated, service_role;

create trigger leads_tally_delivery_days_insert after insert on public.leads
  referencing new table as new_rows for each statement execute function lead_orders.leads_tally_delivery_days();
create trigger leads_tally_delivery_days_update after update on public.leads
  referencing old table as old_rows new table as new_rows for each statement execute function lead_orders.leads_tally_delivery_days();
create trigger leads_tally_delivery_days_delete after delete on public.leads
  referencing old table as old_rows for each statement execute function lead_orders.leads_tally_delivery_days();

-- A deleted order's days go with it.
create or replace function lead_orders.orders_drop_delivery_days() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from lead_orders.order_delivery_days d using old_rows o where d.order_id = o.id;
  return null;
end;
$$;
revoke execute on function lead_orders.orders_drop_delivery_days() from public, anon, authenticated, service_role;
create trigger orders_drop_delivery_days after delete on public.orders
  referencing old table as old_rows for each statement execute function lead_orders.orders_drop_delivery_days();

-- Recomputes every day count from the leads and returns how many (order, day) rows were wrong,
-- missing or left over. For after a load that bypassed triggers (session_replication_role =
-- replica) and after a change of the agency's time zone; a full pass over the delivered leads
-- (seconds at 1,000,000 leads). Admins and the service role.
create or replace function public.rebuild_delivery_days() returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_zone text := lead_orders.agency_time_zone();
  v_drifted int;
begin
  perform lead_orders.require_order_admin();
  -- The counts' writers wait while the table is rebuilt under them.
  lock table lead_orders.order_delivery_days in exclusive mode;
  create temporary table pg_temp.lead_orders_true_days on commit drop as
    select l.order_id, (l.delivered_at at time zone v_zone)::date as day, count(*)::int as delivered
      from public.leads l
     where l.order_id is not null and l.delivered_at is not null
     group by 1, 2;
  select count(*) into v_drifted
    from lead_orders.order_delivery_days d
    full join pg_temp.lead_orders_true_days t on t.order_id = d.order_id and t.day = d.day
   where coalesce(d.delivered, 0) is distinct from coalesce(t.delivered, 0);
  if v_drifted > 0 then
    delete from lead_orders.order_delivery_days;
    insert into lead_orders.order_delivery_days (order_id, day, delivered)
    select t.order_id, t.day, t.delivered from pg_temp.lead_orders_true_days t order by 1, 2;
  end if;
  drop table pg_temp.lead_orders_true_days;
  return jsonb_build_object('drifted', v_drifted);
end;
$$;
revoke execute on function public.rebuild_delivery_days() from public, anon;
grant execute on function public.rebuild_delivery_days() to authenticated, service_role;

-- Days are the agency's: a new time zone moves deliveries to other days. Runs as whoever writes
-- the settings: the owner, inside set_agency_time_zone (no API role may write them).
create or replace function lead_orders.agency_settings_rebuild_days() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.time_zone is distinct from old.time_zone then
    perform public.rebuild_delivery_days();
  end if;
  return null;
end;
$$;
revoke execute on function lead_orders.agency_settings_rebuild_days() from public, anon, authenticated, service_role;
create trigger agency_settings_rebuild_days after update of time_zone on lead_orders.agency_settings
  for each row execute function lead_orders.agency_settings_rebuild_days();

-- The leads already delivered.
insert into lead_orders.order_delivery_days (order_id, day, delivered)
select l.order_id, (l.delivered_at at time zone lead_orders.agency_time_zone())::date, count(*)::int
  from public.leads l
 where l.order_id is not null and l.delivered_at is not null
 group by 1, 2
 order by 1, 2;

-- get_delivery_series as in 20251204000100_page_reads_agency_day.sql, from the day counts.
create or replace function public.get_delivery_series(p_order_id uuid, p_bucket text default 'auto') returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_order public.orders;
  v_bucket text := coalesce(p_bucket, 'auto');
  v_zone text := lead_orders.agency_time_zone();
  v_today date := lead_orders.agency_today();
  v_points jsonb;
begin
  v_order := lead_orders.readable_order(p_order_id);
  if v_bucket not in ('day', 'week', 'auto') then
    perform lead_orders.fail('invalid_input', format('p_bucket must be day, week or auto, not %s.', v_bucket),
      jsonb_build_object('field', 'p_bucket', 'allowed', jsonb_build_array('day', 'week', 'auto')));
  end if;
  if v_bucket = 'auto' then
    v_bucket := case
      when coalesce(v_order.completion_date, greatest(v_order.target_delivery_date, v_today))
           - coalesce(v_order.start_date, (v_order.created_at at time zone v_zone)::date, v_today) > 90 then 'week'
      else 'day' end;
  end if;

  with per_bucket as (
    select date_trunc(v_bucket, d.day)::date as day, sum(d.delivered)::int as delivered
      from lead_orders.order_delivery_days d
     where d.order_id = v_order.id and d.delivered <> 0
     group by 1
  ), dense as (
    select g.day::date as day, coalesce(b.delivered, 0) as delivered,
           sum(coalesce(b.delivered, 0)) over (order by g.day)::int as cumulative
      from (select min(day) as first_day, max(day) as last_day from per_bucket) r
     cross join generate_series(r.first_day, r.last_day, ('1 ' || v_bucket)::interval) g(day)
      left join per_bucket b on b.day = g.day::date
  )
  select coalesce(jsonb_agg(jsonb_build_object('date', d.day, 'delivered', d.delivered, 'cumulative', d.cumulative) order by d.day), '[]')
    into v_points
    from dense d;

  return jsonb_build_object(
    'order_id', v_order.id,
    'bucket', v_bucket,
    'start_date', v_order.start_date,
    'target_delivery_date', v_order.target_delivery_date,
    'leads_purchased', v_order.leads_purchased,
    'leads_delivered', v_order.leads_delivered,
    'points', v_points);
end;
$$;
