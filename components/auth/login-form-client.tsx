'use client';
// The sign-in form: NextAuth credentials without a redirect, so errors stay on this page.
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { signInErrorMessage } from './sign-in-error-message';

export function LoginForm({ returnTo, initialError }: { returnTo: string; initialError?: string }) {
  const [error, setError] = useState<string | null>(signInErrorMessage(initialError));
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await signIn('credentials', { username: String(form.get('username') ?? ''), password: String(form.get('password') ?? ''), redirect: false });
      if (res?.ok && !res.error) {
        // A full load, so every server component sees the new session cookie.
        window.location.assign(returnTo);
        return;
      }
      setError(signInErrorMessage(res?.error ?? 'unknown'));
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      <TextField label="Username" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
