-- The proposal's read side, for the benchmark's "proposal" column: its RLS policies on orders,
-- copied from ../../../shared/seed/order-tracking-proposal.md. Applied after
-- proposal-trigger.sql. The edge functions it describes (get-orders, get-order-stats) read
-- orders with their client's name as the signed-in user, as supabase-js would
-- (`from('orders').select('*, clients(client_name)')`); bench/read-bench.ts runs those queries
-- the same way (role authenticated, the user's JWT claims). Its order_summary view is left out:
-- as written it runs with its owner's rights and would show every client every order.

ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Admins can manage all orders"
  ON public.orders
  FOR ALL
  TO authenticated
  USING (public.is_admin(auth.uid()))
  WITH CHECK (public.is_admin(auth.uid()));

CREATE POLICY "Clients can view their own orders"
  ON public.orders
  FOR SELECT
  TO authenticated
  USING (
    client_id IN (
      SELECT c.id FROM public.clients c
      INNER JOIN public.profiles p ON c.profile_id = p.id OR c.client_name = p.client_name
      WHERE p.id = auth.uid()
    )
  );

-- The agency's clients get the "view own client record" policy our security migration adds, so a
-- client's subqueries see the same clients in both databases.
CREATE POLICY "Clients can view their own client record" ON public.clients
  FOR SELECT TO authenticated USING (profile_id = (select auth.uid()));

GRANT SELECT ON public.orders TO authenticated;
