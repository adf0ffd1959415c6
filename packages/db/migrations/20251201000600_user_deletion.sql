-- Deleting a user (Supabase Auth: `delete from auth.users`) is never blocked by order tracking.
-- orders.created_by referenced auth.users without an action, so an admin who had created an
-- order could not be deleted (23503 orders_created_by_fkey). The order and its history stay;
-- the actor is forgotten: created_by and order_events.actor_id become null.

alter table public.orders drop constraint if exists orders_created_by_fkey;
alter table public.orders add constraint orders_created_by_fkey
  foreign key (created_by) references auth.users (id) on delete set null;

-- actor_id had no reference at all, so a deleted user's id stayed in every client's timeline.
-- Ids of users deleted before this migration are forgotten now.
update public.order_events e set actor_id = null
 where e.actor_id is not null and not exists (select 1 from auth.users u where u.id = e.actor_id);
alter table public.order_events add constraint order_events_actor_id_fkey
  foreign key (actor_id) references auth.users (id) on delete set null;

-- Deleting a user looks these up; without an index it would scan every order and event.
-- Neither column changes after insert, so the indexes cost nothing on the assignment path's
-- updates of orders (they stay HOT) and one entry per event written.
create index if not exists idx_orders_created_by on public.orders (created_by) where created_by is not null;
create index if not exists idx_order_events_actor on public.order_events (actor_id) where actor_id is not null;
