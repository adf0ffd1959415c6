/// <reference types="vite/client" />
import { useCallback, useEffect, useState } from 'react';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Backend } from './backend/backend.js';
import { demoBackend } from './backend/demo-backend.js';
import { supabaseBackend } from './backend/supabase-backend.js';
import { Portal } from './shell/portal.js';
import { SignIn } from './shell/sign-in.js';

// Set at build time (`SUPABASE_URL=… SUPABASE_ANON_KEY=… npm start`): then the portal runs on that
// project; without them, on the demo database in the browser.
const supabaseUrl = import.meta.env.SUPABASE_URL as string | undefined;
const supabaseKey = import.meta.env.SUPABASE_ANON_KEY as string | undefined;

/** Chooses the backend (demo database or Supabase), signs in when needed, then shows the portal. */
export function App() {
  const [client] = useState<SupabaseClient | null>(() => (supabaseUrl && supabaseKey ? createClient(supabaseUrl, supabaseKey) : null));
  const [backend, setBackend] = useState<Backend>();
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const [failure, setFailure] = useState('');

  const connect = useCallback(async () => {
    try {
      if (!client) return setBackend(await demoBackend());
      const { data } = await client.auth.getSession();
      if (!data.session) return setNeedsSignIn(true);
      setNeedsSignIn(false);
      setBackend(await supabaseBackend(client));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  }, [client]);
  useEffect(() => void connect(), [connect]);

  if (failure) return <p role="alert" className="failure">The portal could not start: {failure}</p>;
  if (needsSignIn && client) return <SignIn client={client} onSignedIn={() => void connect()} />;
  if (!backend) {
    return (
      <p role="status" className="starting">
        {client ? 'Connecting to Supabase…' : 'Starting the demo database…'}
      </p>
    );
  }
  return <Portal backend={backend} />;
}
