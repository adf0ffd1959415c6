-- The history of every order: what happened, to which lead, by whom, when.
-- Written only by triggers; it feeds the delivery timeline widgets.

create table public.order_events (
  id bigint generated always as identity primary key,
  order_id uuid not null references public.orders (id) on delete cascade,
  -- Copied from the order so the client policy compares an indexed column without a join.
  client_id uuid not null references public.clients (id) on delete cascade,
  event_type text not null check (event_type in (
    'created', 'status_changed', 'quantity_changed',
    'lead_assigned', 'lead_unassigned', 'lead_moved', 'lead_delivered', 'lead_undelivered'
  )),
  lead_id uuid,
  actor_id uuid default auth.uid(),
  data jsonb not null default '{}',
  created_at timestamptz not null default now()
);

create index idx_order_events_order_time on public.order_events (order_id, created_at desc, id desc);
create index idx_order_events_client on public.order_events (client_id);

comment on table public.order_events is 'History of each order: created, status and quantity changes, leads assigned, unassigned, moved, delivered.';

-- Records one event unless the order is gone (an order being deleted sets its leads'
-- order_id to null, and those changes must not try to write history for it).
-- plpgsql rather than sql so the insert's plan is cached per connection: it runs on every change.
create or replace function lead_orders.record_event(p_order_id uuid, p_event_type text, p_lead_id uuid, p_data jsonb)
returns void
language plpgsql
set search_path = ''
as $$
begin
  insert into public.order_events (order_id, client_id, event_type, lead_id, data)
  select o.id, o.client_id, p_event_type, p_lead_id, coalesce(p_data, '{}')
  from public.orders o
  where o.id = p_order_id;
end;
$$;
revoke execute on function lead_orders.record_event(uuid, text, uuid, jsonb) from public, anon, authenticated;
