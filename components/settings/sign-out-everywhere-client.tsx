'use client';
// Settings → Sessions: "Sign out everywhere" ends every browser sign-in and session token of the
// account (this one too: the answer clears its cookie), then goes to the sign-in page.
import { useState } from 'react';
import { apiFetch, formError } from '@/components/queries/api-fetch';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export function SignOutEverywhere() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run() {
    setPending(true);
    setError(null);
    try {
      await apiFetch('/api/v1/auth/sessions', { method: 'DELETE' });
      window.location.assign('/login');
    } catch (err) {
      setError(err);
      setPending(false);
    }
  }
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{formError(error)}</Alert> : null}
      <p className="text-sm text-zinc-400">
        Signs out every browser and app session of your account, this one included — for a lost phone or a shared computer. API keys keep
        working; revoke them above.
      </p>
      <Button variant="secondary" pending={pending} onClick={() => void run()}>
        Sign out everywhere
      </Button>
    </div>
  );
}
