import { useState, type FormEvent } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';

/** Email and password sign-in through supabase-js (Supabase mode only). */
export function SignIn({ client, onSignedIn }: { client: SupabaseClient; onSignedIn(): void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError('');
    const { error } = await client.auth.signInWithPassword({ email: String(form.get('email')), password: String(form.get('password')) });
    setBusy(false);
    if (error) setError(error.message);
    else onSignedIn();
  };
  return (
    <main className="sign-in">
      <h1>Sign in to the portal</h1>
      <form onSubmit={submit} className="stack">
        <label>
          Email <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        <p role="alert">{error}</p>
      </form>
    </main>
  );
}
