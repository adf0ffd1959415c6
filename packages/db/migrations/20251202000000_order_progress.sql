-- A maintained sort key for get_orders' progress sort over every order.
--
-- Progress is leads_delivered / leads_purchased, which changes on every assignment. An index on
-- it in public.orders would make every assignment a non-HOT update of orders: a new entry in each
-- of its ten-odd indexes instead of none. The key lives in this narrow table instead, one row per
-- order, and an assignment writes one small row and its two index entries. The order's row lock,
-- which the assignment already holds, serialises writers of its key row, so this adds no lock
-- wait and no deadlock.

create table lead_orders.order_progress (
  order_id uuid primary key,
  -- The progress sort's key: leads_delivered::numeric / greatest(leads_purchased, 1).
  progress numeric not null
);
create index idx_order_progress_page on lead_orders.order_progress (progress, order_id);
comment on table lead_orders.order_progress is 'Progress sort key per order (delivered / purchased), kept by a trigger on orders.';

alter table lead_orders.order_progress enable row level security;
revoke all on lead_orders.order_progress from public, anon, authenticated, service_role;

-- The one definition of the progress key (get_orders sorts by it).
create or replace function lead_orders.progress_key(p_delivered int, p_purchased int) returns numeric
language sql
immutable
parallel safe
set search_path = ''
as $$
  select p_delivered::numeric / greatest(p_purchased, 1)
$$;
revoke execute on function lead_orders.progress_key(int, int) from public, anon;
grant execute on function lead_orders.progress_key(int, int) to authenticated, service_role;

create or replace function lead_orders.orders_progress_after_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    delete from lead_orders.order_progress where order_id = old.id;
  elsif tg_op = 'INSERT' then
    insert into lead_orders.order_progress (order_id, progress)
    values (new.id, lead_orders.progress_key(new.leads_delivered, new.leads_purchased));
  else
    if old.id <> new.id then
      delete from lead_orders.order_progress where order_id = old.id;
      insert into lead_orders.order_progress (order_id, progress)
      values (new.id, lead_orders.progress_key(new.leads_delivered, new.leads_purchased));
    else
      update lead_orders.order_progress
         set progress = lead_orders.progress_key(new.leads_delivered, new.leads_purchased)
       where order_id = new.id;
    end if;
  end if;
  return null;
end;
$$;
revoke execute on function lead_orders.orders_progress_after_write() from public, anon, authenticated;

create trigger orders_progress_after_insert_delete
  after insert or delete on public.orders
  for each row execute function lead_orders.orders_progress_after_write();
create trigger orders_progress_after_update
  after update on public.orders
  for each row
  when ((old.id, old.leads_delivered, old.leads_purchased) is distinct from (new.id, new.leads_delivered, new.leads_purchased))
  execute function lead_orders.orders_progress_after_write();

-- Recomputes every progress key when any is wrong or missing (after a load that bypassed
-- triggers). Returns how many were. Called by public.rebuild_order_totals, which runs as owner.
create or replace function lead_orders.rebuild_order_progress() returns int
language plpgsql
set search_path = ''
as $$
declare
  v_drifted int;
begin
  select count(*) into v_drifted
    from public.orders o
    full join lead_orders.order_progress p on p.order_id = o.id
   where p.progress is distinct from lead_orders.progress_key(o.leads_delivered, o.leads_purchased);
  if v_drifted > 0 then
    delete from lead_orders.order_progress;
    insert into lead_orders.order_progress (order_id, progress)
    select o.id, lead_orders.progress_key(o.leads_delivered, o.leads_purchased) from public.orders o;
  end if;
  return v_drifted;
end;
$$;
revoke execute on function lead_orders.rebuild_order_progress() from public, anon, authenticated;

insert into lead_orders.order_progress (order_id, progress)
select o.id, lead_orders.progress_key(o.leads_delivered, o.leads_purchased) from public.orders o;
