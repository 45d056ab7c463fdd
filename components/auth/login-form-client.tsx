'use client';
// The sign-in form: NextAuth credentials without a redirect, so errors stay on this page.
import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { signInErrorMessage } from './sign-in-error-message';

const PLACEMENT = { fields: ['username', 'password'] } as const;

export function LoginForm({ returnTo, initialError, demo = false }: { returnTo: string; initialError?: string; demo?: boolean }) {
  const errors = useFormErrors(null, PLACEMENT);
  const [initial, setInitial] = useState<string | null>(signInErrorMessage(initialError));
  const [pending, setPending] = useState(false);
  const [demoPending, setDemoPending] = useState(false);
  const [code, setCode] = useState<string | null>(initialError ?? null);

  async function tryDemo() {
    setInitial(null);
    setDemoPending(true);
    try {
      const res = await signIn('demo', { redirect: false });
      if (res?.ok && !res.error) {
        window.location.assign('/');
        return;
      }
      setCode(res?.error ?? null);
      errors.setLocal({ form: signInErrorMessage(res?.error ?? 'unknown') });
    } catch {
      errors.setLocal({ form: 'Could not reach the server. Check your connection and try again.' });
    }
    setDemoPending(false);
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setInitial(null);
    const form = new FormData(e.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    // Nothing to check yet: say what is missing, not that it is wrong.
    const missing: Record<string, string> = {};
    if (!username) missing.username = 'Enter your username.';
    if (!password) missing.password = 'Enter your password.';
    if (Object.keys(missing).length > 0) return errors.setLocal({ fields: missing });
    errors.setLocal({});
    setCode(null);
    setPending(true);
    try {
      const res = await signIn('credentials', { username, password, redirect: false });
      if (res?.ok && !res.error) {
        // A full load, so every server component sees the new session cookie.
        window.location.assign(returnTo);
        return;
      }
      setCode(res?.error ?? null);
      errors.setLocal({ form: signInErrorMessage(res?.error ?? 'unknown') });
    } catch {
      errors.setLocal({ form: 'Could not reach the server. Check your connection and try again.' });
    }
    setPending(false);
  }

  const message = errors.form ?? initial;
  return (
    <form
      onSubmit={submit}
      onChange={(e) => {
        setInitial(null);
        errors.onChange(e);
      }}
      className="space-y-4"
      noValidate
    >
      {message && (
        <Alert tone="error">
          {message}
          {code === 'account_inactive' && (
            <>
              {' '}
              <Link href="/activate" className="font-semibold underline">
                Send the link again
              </Link>
            </>
          )}
        </Alert>
      )}
      <TextField label="Username" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required autoFocus error={errors.fields.username} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={errors.fields.password} />
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="text-accent-300 hover:underline">
          Forgot password?
        </Link>
      </p>
      {demo && (
        <div className="border-t border-white/10 pt-4">
          <Button variant="secondary" pending={demoPending} onClick={tryDemo} className="w-full">
            Try the demo
          </Button>
          <p className="mt-1.5 text-center text-xs text-zinc-400">Browse and play without an account; nothing can be changed.</p>
        </div>
      )}
    </form>
  );
}
