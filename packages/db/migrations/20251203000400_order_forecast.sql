-- Where an order lands at its recent pace: what the detail pages and the progress card show the
-- buyer next to the target date.

-- Rate: the leads that started counting toward the order in the last 14 days (today and the 13
-- days before, in the session's time zone, as current_date) divided by 14.
-- projected_completion_date: today plus the whole days the remaining leads take at that rate;
-- null when the rate is 0, nothing remains, or the order is not Active or Paused.
-- on_track: projected date on or before the target date; null without either.
-- needed_per_day: remaining leads over the days from tomorrow through the target date (at least
-- one: on or past the target day, everything remaining is needed at once); null without a target,
-- when nothing remains, or when the order is Completed or Cancelled.
-- SECURITY DEFINER with the scope checked first; the window count is an index-only range scan of
-- idx_leads_order_delivered.
create or replace function public.get_order_forecast(p_order_id uuid) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_window constant int := 14;
  v_today date := current_date;
  v_order public.orders;
  v_recent int;
  v_projected date;
  v_days_to_target int;
  v_open boolean;
begin
  v_order := lead_orders.readable_order(p_order_id);
  select count(*)::int into v_recent
    from public.leads l
   where l.order_id = v_order.id and l.delivered_at >= (v_today - (v_window - 1))::timestamptz;

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
