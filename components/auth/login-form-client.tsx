'use client';
// The sign-in form: NextAuth credentials without a redirect, so errors stay on this page.
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { signInErrorMessage } from './sign-in-error-message';

const PLACEMENT = { fields: ['username', 'password'] } as const;

export function LoginForm({ returnTo, initialError }: { returnTo: string; initialError?: string }) {
  const errors = useFormErrors(null, PLACEMENT);
  const [initial, setInitial] = useState<string | null>(signInErrorMessage(initialError));
  const [pending, setPending] = useState(false);

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
    setPending(true);
    try {
      const res = await signIn('credentials', { username, password, redirect: false });
      if (res?.ok && !res.error) {
        // A full load, so every server component sees the new session cookie.
        window.location.assign(returnTo);
        return;
      }
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
      {message && <Alert tone="error">{message}</Alert>}
      <TextField label="Username" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required autoFocus error={errors.fields.username} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={errors.fields.password} />
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
