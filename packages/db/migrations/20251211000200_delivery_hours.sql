-- Deliveries per hour over every lead, kept as leads are written, so the admin's
-- delivered_last_7_days / _30_days add a few hundred hour rows instead of counting every lead
-- delivered in the last 30 days.
--
-- get_order_stats counted them with two index-only scans of idx_leads_delivered_at: about 43,000
-- index entries at 1,000,000 leads, 3–5 ms of the admin's call, growing with the agency's volume.
-- The windows are rolling (now() minus 7 × 24 and 30 × 24 hours), so whole hours come from the
-- tally and only the part of the first hour inside the window from the index (about 1/720 of a
-- month's deliveries). A client's own deliveries still come from idx_leads_client_delivered_at:
-- few rows.
--
-- No shared counter row is updated by a writer (its lock would queue every assignment of every
-- order behind the first until commit): the lead statement trigger appends each hour's difference
-- to lead_orders.delivery_hours_log (insert only: no row lock, no wait), and about every 64
-- appends a writer that wins a try-lock folds the log into lead_orders.delivery_hours, as the
-- order totals do (20251202000100_order_totals.sql). A reader adds both in one statement.
--
-- Hours are UTC hours (date_bin from 2000-01-01 00:00 UTC), whatever the session's or the
-- agency's time zone. A lead counts in the hour of its delivered_at, whatever its order, exactly
-- as count(*) over public.leads where delivered_at falls in that hour.

create table lead_orders.delivery_hours (
  -- The start of a UTC hour.
  hour timestamptz primary key,
  -- Leads whose delivered_at falls in [hour, hour + 1 hour). Zero once they all left.
  delivered bigint not null
);
comment on table lead_orders.delivery_hours is 'Folded delivered leads per UTC hour; add delivery_hours_log for the current values.';

create table lead_orders.delivery_hours_log (
  hour timestamptz not null,
  delivered int not null
);
comment on table lead_orders.delivery_hours_log is 'Differences of delivery_hours not yet folded (append only).';
create sequence lead_orders.delivery_hours_log_seq;

alter table lead_orders.delivery_hours enable row level security;
alter table lead_orders.delivery_hours_log enable row level security;
revoke all on lead_orders.delivery_hours, lead_orders.delivery_hours_log from public, anon, authenticated, service_role;
revoke all on sequence lead_orders.delivery_hours_log_seq from public, anon, authenticated, service_role;

-- Folds the log into delivery_hours (writers every ~64 appends, and the rebuild). Returns the log
-- rows folded, or null when another transaction is folding (it holds the try-lock until it
-- commits; nobody waits). Only under READ COMMITTED: an older snapshot could delete log rows
-- another folder already folded.
create or replace function lead_orders.compact_delivery_hours() returns int
language plpgsql
set search_path = ''
as $$
declare
  v_folded int;
begin
  if current_setting('transaction_isolation') <> 'read committed'
     or not pg_try_advisory_xact_lock(hashtext('lead_orders.delivery_hours')) then
    return null;
  end if;
  with folded as (
    delete from lead_orders.delivery_hours_log returning *
  ), per_hour as (
    insert into lead_orders.delivery_hours as h (hour, delivered)
    select f.hour, sum(f.delivered) from folded f group by f.hour order by f.hour
    on conflict (hour) do update set delivered = h.delivered + excluded.delivered
  )
  select count(*) into v_folded from folded;
  return v_folded;
end;
$$;
revoke execute on function lead_orders.compact_delivery_hours() from public, anon, authenticated, service_role;

-- Leads delivered at or after p_since (every client): whole hours from the tally, the rest of
-- p_since's hour from idx_leads_delivered_at. One statement, so one snapshot of the folded rows,
-- the log and the leads. Called by get_order_stats (as owner).
create or replace function lead_orders.delivered_since(p_since timestamptz) returns bigint
language sql
stable
set search_path = ''
as $$
  select (select count(*) from public.leads l
           where l.delivered_at >= p_since
             and l.delivered_at < pg_catalog.date_bin('1 hour'::interval, p_since, '2000-01-01 00:00:00+00'::timestamptz) + interval '1 hour')
       + (select coalesce(sum(t.delivered), 0)
            from (select h.hour, h.delivered from lead_orders.delivery_hours h
                  union all
                  select g.hour, g.delivered from lead_orders.delivery_hours_log g) t
           where t.hour >= pg_catalog.date_bin('1 hour'::interval, p_since, '2000-01-01 00:00:00+00'::timestamptz) + interval '1 hour')::bigint
$$;
revoke execute on function lead_orders.delivered_since(timestamptz) from public, anon, authenticated, service_role;

-- The per-day tally of 20251209000000_delivery_days.sql, unchanged, plus the statement's
-- difference per UTC hour appended to the hours log (every lead, whatever its order; an update
-- that leaves delivered_at as it was appends nothing).
create or replace function lead_orders.leads_tally_delivery_days() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_zone text := lead_orders.agency_time_zone();
  v_hours int;
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
    insert into lead_orders.delivery_hours_log (hour, delivered)
    select pg_catalog.date_bin('1 hour'::interval, n.delivered_at, '2000-01-01 00:00:00+00'::timestamptz), count(*)::int
      from new_rows n where n.delivered_at is not null group by 1;
  elsif tg_op = 'DELETE' then
    insert into lead_orders.order_delivery_days as d (order_id, day, delivered)
    select o.order_id, (o.delivered_at at time zone v_zone)::date, -count(*)::int
      from old_rows o
     where o.order_id is not null and o.delivered_at is not null
       and exists (select 1 from public.orders x where x.id = o.order_id)
     group by 1, 2
     order by 1, 2
    on conflict (order_id, day) do update set delivered = d.delivered + excluded.delivered;
    insert into lead_orders.delivery_hours_log (hour, delivered)
    select pg_catalog.date_bin('1 hour'::interval, o.delivered_at, '2000-01-01 00:00:00+00'::timestamptz), -count(*)::int
      from old_rows o where o.delivered_at is not null group by 1;
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
    insert into lead_orders.delivery_hours_log (hour, delivered)
    select c.hour, sum(c.delta)::int
      from old_rows o
      join new_rows n on n.id = o.id
     cross join lateral (
       select pg_catalog.date_bin('1 hour'::interval, o.delivered_at, '2000-01-01 00:00:00+00'::timestamptz) as hour, -1 as delta where o.delivered_at is not null
       union all
       select pg_catalog.date_bin('1 hour'::interval, n.delivered_at, '2000-01-01 00:00:00+00'::timestamptz), 1 where n.delivered_at is not null
     ) c
     where o.delivered_at is distinct from n.delivered_at
     group by c.hour
    having sum(c.delta) <> 0;
  end if;
  get diagnostics v_hours = row_count;
  -- Fold about every 64 appends so the log stays a few pages.
  if v_hours > 0 and nextval('lead_orders.delivery_hours_log_seq') % 64 = 0 then
    perform lead_orders.compact_delivery_hours();
  end if;
  return null;
end;
$$;
revoke execute on function lead_orders.leads_tally_delivery_days() from public, anon, authenticated, service_role;

-- Recomputes the hour tally from the leads, replaces it, and returns how many hours were wrong,
-- missing or left over. Writers of delivered leads wait while it runs (they append to the log).
-- Called by rebuild_delivery_days (admins, after a load that bypassed triggers).
create or replace function lead_orders.rebuild_delivery_hours() returns int
language plpgsql
set search_path = ''
as $$
declare
  v_drifted int;
begin
  lock table lead_orders.delivery_hours_log, lead_orders.delivery_hours in exclusive mode;
  create temporary table pg_temp.lead_orders_true_hours on commit drop as
    select pg_catalog.date_bin('1 hour'::interval, l.delivered_at, '2000-01-01 00:00:00+00'::timestamptz) as hour, count(*)::bigint as delivered
      from public.leads l where l.delivered_at is not null group by 1;
  select count(*) into v_drifted
    from (select t.hour, sum(t.delivered) as delivered
            from (select h.hour, h.delivered from lead_orders.delivery_hours h
                  union all
                  select g.hour, g.delivered from lead_orders.delivery_hours_log g) t
           group by t.hour) s
    full join pg_temp.lead_orders_true_hours r on r.hour = s.hour
   where coalesce(s.delivered, 0) <> coalesce(r.delivered, 0);
  delete from lead_orders.delivery_hours_log;
  delete from lead_orders.delivery_hours;
  insert into lead_orders.delivery_hours (hour, delivered)
  select r.hour, r.delivered from pg_temp.lead_orders_true_hours r order by r.hour;
  drop table pg_temp.lead_orders_true_hours;
  return v_drifted;
end;
$$;
revoke execute on function lead_orders.rebuild_delivery_hours() from public, anon, authenticated, service_role;

-- rebuild_delivery_days as in 20251209000000_delivery_days.sql, and the hour tally with it (a load
-- that bypassed triggers left both behind). Its report stays { drifted } of the day rows.
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
  perform lead_orders.rebuild_delivery_hours();
  return jsonb_build_object('drifted', v_drifted);
end;
$$;
revoke execute on function public.rebuild_delivery_days() from public, anon;
grant execute on function public.rebuild_delivery_days() to authenticated, service_role;

-- The leads already delivered.
insert into lead_orders.delivery_hours (hour, delivered)
select pg_catalog.date_bin('1 hour'::interval, l.delivered_at, '2000-01-01 00:00:00+00'::timestamptz), count(*)
  from public.leads l where l.delivered_at is not null
 group by 1 order by 1;
