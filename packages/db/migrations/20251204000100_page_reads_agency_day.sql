-- "Today" and delivered-on days in the page reads are the agency's (lead_orders.agency_today(),
-- lead_orders.agency_time_zone()), as for everything else the database stores and counts, not the
-- database session's: a lead delivered at 20:00 UTC counts on the next day for an agency in
-- Pacific/Auckland, in its order's chart and in the forecast's 14-day window, and the order
-- number preview shows the year next_order_number() will use.

-- get_delivery_series(p_order_id, p_bucket = 'auto'): per day, or ISO week starting Monday, in
-- the agency's time zone, the leads that started counting toward the order and the running
-- total. 'auto' picks weeks when the order spans more than 90 days, from its start date (or its
-- creation day, in the agency's zone) to its completion date, or else the later of its target
-- date and the agency's today. Errors: invalid_input (p_bucket), order_not_found (missing or
-- another client's). SECURITY DEFINER with the scope checked first (lead_orders.readable_order).
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
    select date_trunc(v_bucket, l.delivered_at at time zone v_zone)::date as day, count(*)::int as delivered
      from public.leads l
     where l.order_id = v_order.id and l.delivered_at is not null
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

revoke execute on function public.get_delivery_series(uuid, text) from public, anon;
grant execute on function public.get_delivery_series(uuid, text) to authenticated, service_role;

-- get_order_forecast(p_order_id): the rate over the last 14 agency days (the agency's today and
-- the 13 days before, from local midnight) and the projection from the agency's today; the rest
-- as documented in 20251203000400_order_forecast.sql. Errors: order_not_found.
create or replace function public.get_order_forecast(p_order_id uuid) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_window constant int := 14;
  v_today date := lead_orders.agency_today();
  v_zone text := lead_orders.agency_time_zone();
  v_order public.orders;
  v_recent int;
  v_projected date;
  v_days_to_target int;
  v_open boolean;
begin
  v_order := lead_orders.readable_order(p_order_id);
  select count(*)::int into v_recent
    from public.leads l
   where l.order_id = v_order.id and l.delivered_at >= ((v_today - (v_window - 1))::timestamp at time zone v_zone);

  v_open := v_order.status in ('Active', 'Paused');
  if v_open and v_order.leads_remaining > 0 and v_recent > 0 then
    v_projected := v_today + ceil(v_order.leads_remaining::numeric * v_window / v_recent)::int;
  end if;
  v_days_to_target := v_order.target_delivery_date - v_today;

  return jsonb_build_object(
    'order_id', v_order.id,
    'status', v_order.status,
    'window_days', v_window,
    'delivered_in_window', v_recent,
    'recent_per_day', round(v_recent::numeric / v_window, 2),
    'leads_remaining', v_order.leads_remaining,
    'projected_completion_date', v_projected,
    'target_delivery_date', v_order.target_delivery_date,
    'on_track', case when v_projected is null or v_order.target_delivery_date is null then null
                     else v_projected <= v_order.target_delivery_date end,
    'needed_per_day', case when v_order.target_delivery_date is null or v_order.leads_remaining = 0
                                or v_order.status in ('Completed', 'Cancelled') then null
                           else round(v_order.leads_remaining::numeric / greatest(v_days_to_target, 1), 2) end,
    'days_to_target', v_days_to_target);
end;
$$;

revoke execute on function public.get_order_forecast(uuid) from public, anon;
grant execute on function public.get_order_forecast(uuid) to authenticated, service_role;

-- preview_order_number(): the number next_order_number() would return now, in the agency's year
-- (as next_order_number draws it), without drawing it. Errors: forbidden (not an admin).
create or replace function public.preview_order_number() returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_year int := extract(year from lead_orders.agency_today())::int;
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

revoke execute on function public.preview_order_number() from public, anon;
grant execute on function public.preview_order_number() to authenticated, service_role;
