'use client';
// The pages that mail links open (activate, reset password, confirm a new email) and the forms
// that ask for a mail (forgot password, resend activation). Each calls one API route.
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiFetchError, apiFetch } from '@/components/queries/api-fetch';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

const signInLink = (
  <Link href="/login" className="font-semibold underline">
    Sign in
  </Link>
);

function problem(err: unknown): { field?: string; message: string } {
  if (err instanceof ApiFetchError) {
    const field = err.fields[0];
    if (field) return { field: field.path.replace(/^body\./, ''), message: field.message };
    return { message: err.message };
  }
  return { message: 'Could not reach the server. Check your connection and try again.' };
}

/** Asks for an email and posts it; shows the server's answer (the same whether or not an account has it). */
export function EmailRequestForm({ path, action }: { path: string; action: string }) {
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<string | null>(null);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get('email') ?? '').trim();
    if (!email) return setError({ field: 'email', message: 'Enter your email address.' });
    setPending(true);
    setError(null);
    try {
      setAnswer((await apiFetch<{ message: string }>(path, { method: 'POST', body: { email } })).message);
    } catch (err) {
      setError(problem(err));
    }
    setPending(false);
  }

  if (answer) return <Alert tone="success">{answer} Check your inbox (and the spam folder).</Alert>;
  return (
    <form onSubmit={submit} onChange={() => setError(null)} className="space-y-4" noValidate>
      {error && !error.field && <Alert tone="error">{error.message}</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="email" required autoFocus error={error?.field === 'email' ? error.message : undefined} />
      <Button type="submit" pending={pending} className="w-full">
        {action}
      </Button>
    </form>
  );
}

/** Opens a link's token once, as soon as the page loads (activation, new email). */
export function TokenConfirm({ path, token, done, retry }: { path: string; token: string; done: string; retry: { href: string; label: string } }) {
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    apiFetch(path, { method: 'POST', body: { token } })
      .then(() => setState({ ok: true, message: done }))
      .catch((err: unknown) => setState({ ok: false, message: problem(err).message }));
  }, [path, token, done]);
  if (!state) return <Alert tone="info">One moment…</Alert>;
  return state.ok ? (
    <Alert tone="success">
      {state.message} {signInLink} to continue.
    </Alert>
  ) : (
    <Alert tone="error">
      {state.message}{' '}
      <Link href={retry.href} className="font-semibold underline">
        {retry.label}
      </Link>
    </Alert>
  );
}

/** The reset link's page: choose the new password. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('confirm') ?? '')) return setError({ field: 'confirm', message: 'The two passwords are not the same.' });
    setPending(true);
    setError(null);
    try {
      await apiFetch('/api/v1/user/password-reset/confirm', { method: 'POST', body: { token, password } });
      setDone(true);
    } catch (err) {
      setError(problem(err));
    }
    setPending(false);
  }

  if (done) return <Alert tone="success">Your password is changed, and every session of your account has ended. {signInLink} with the new password.</Alert>;
  const fieldError = (name: string) => (error?.field === name ? error.message : undefined);
  return (
    <form onSubmit={submit} onChange={() => setError(null)} className="space-y-4" noValidate>
      {error && !error.field && (
        <Alert tone="error">
          {error.message}{' '}
          <Link href="/forgot-password" className="font-semibold underline">
            Get a new link
          </Link>
        </Alert>
      )}
      <TextField label="New password" name="password" type="password" autoComplete="new-password" required autoFocus hint="At least 8 characters." error={fieldError('password')} />
      <TextField label="Confirm new password" name="confirm" type="password" autoComplete="new-password" required error={fieldError('confirm')} />
      <Button type="submit" pending={pending} className="w-full">
        Set new password
      </Button>
    </form>
  );
}
