import type { SupabaseClient } from '@supabase/supabase-js';
import { createOrderTracking } from '@lead-orders/sdk';
import type { Account, Backend } from './backend.js';

/**
 * A real Supabase project as the portal's backend, for the user signed in with `client`
 * (email and password, see SignIn). The role comes from the user's `profiles` row and the
 * client from `clients.profile_id`, both readable by the user under the migrations' RLS.
 */
export async function supabaseBackend(client: SupabaseClient): Promise<Backend> {
  const { data: auth, error } = await client.auth.getUser();
  if (error || !auth.user) throw error ?? new Error('Not signed in.');
  const user = auth.user;
  const [{ data: profile }, { data: owned }] = await Promise.all([
    client.from('profiles').select('role, full_name').eq('id', user.id).maybeSingle(),
    client.from('clients').select('id').eq('profile_id', user.id).maybeSingle(),
  ]);
  const role = profile?.role === 'admin' ? 'admin' : 'client';
  const account: Account = {
    key: user.id,
    label: `${profile?.full_name ?? user.email} (${role})`,
    role,
    name: profile?.full_name ?? user.email ?? '',
    email: user.email ?? '',
    ...(owned?.id ? { clientId: owned.id as string } : {}),
  };
  const tracking = createOrderTracking({ supabase: client });
  return {
    kind: 'supabase',
    accounts: [account],
    tracking: async () => tracking,
    signOut: async () => {
      await client.auth.signOut();
    },
  };
}
