-- lead_orders.agency_today() as PL/pgSQL, so each call runs a cached plan.
--
-- Every order a function returns is an order_summary row, and the view asks for the agency's date
-- as `(select lead_orders.agency_today())` in each of its pace and flag expressions: one InitPlan
-- per place it appears once the lateral expressions are expanded, 24 for one row, each evaluated
-- when its branch is reached. As a SQL function with a SET clause it could not be inlined, and
-- every evaluation planned its query afresh (and agency_time_zone()'s inside it): about 0.05 ms
-- each, 0.7–1.2 ms for the one order an assignment returns, more for an order whose state reaches
-- more branches (the benchmark's order of 100,000 leads, ahead of its pace and nearly full, reached
-- seven more than the order of 100, behind its pace). Measured at 1,000,000 leads:
-- lead_orders.order_json() of that order 0.98 ms before, 0.17 ms after; assign_lead_to_order as
-- admin 2.6–2.8 ms before, about 1.5 ms after, the same at 100 and at 100,000 leads.
--
-- Same result, same volatility (stable: the transaction's now() in the agency's time zone).
create or replace function lead_orders.agency_today() returns date
language plpgsql
stable
set search_path = ''
as $$
begin
  return (pg_catalog.now() at time zone lead_orders.agency_time_zone())::date;
end;
$$;
revoke execute on function lead_orders.agency_today() from public, anon;
grant execute on function lead_orders.agency_today() to authenticated, service_role;
