'use client';
// First-run setup: create the admin account, sign in as it, set the display name, go home.
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { useRegister, useSetupProfile } from '@/components/queries/use-account';
import { fieldErrors, formError } from '@/components/queries/api-fetch';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { UsernameField } from '@/components/ui/preset-fields';
import { signInErrorMessage } from './sign-in-error-message';

const FIELDS = ['username', 'password', 'name'];

export function SetupForm() {
  const register = useRegister();
  const setupProfile = useSetupProfile();
  const [mismatch, setMismatch] = useState(false);
  const [signInError, setSignInError] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  const apiError = register.error ?? setupProfile.error;
  const fields = fieldErrors(apiError);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const confirmed = password === String(form.get('confirm') ?? '');
    setSignInError(null);
    setMismatch(!confirmed);
    if (!confirmed) return;
    setupProfile.reset();
    setFinishing(true);
    try {
      if (!register.isSuccess) await register.mutateAsync({ username, password });
      const res = await signIn('credentials', { username, password, redirect: false });
      if (!res?.ok || res.error) {
        setSignInError(`The account was created, but signing in failed: ${signInErrorMessage(res?.error ?? 'unknown')}`);
        setFinishing(false);
        return;
      }
      await setupProfile.mutateAsync({ name: name || username });
      window.location.assign('/');
    } catch {
      setFinishing(false); // The mutation's error is on screen.
    }
  }

  const message = signInError ?? formError(apiError, FIELDS);
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      <UsernameField error={fields.username} readOnly={register.isSuccess} />
      <TextField label="Display name" name="name" autoComplete="name" maxLength={100} hint="How Marquee greets you. Defaults to the username." error={fields.name} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        readOnly={register.isSuccess}
        hint="At least 8 characters."
        error={fields.password}
      />
      <TextField
        label="Confirm password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        readOnly={register.isSuccess}
        error={mismatch ? 'Passwords do not match.' : undefined}
      />
      <Button type="submit" pending={finishing} className="w-full">
        Create admin account
      </Button>
    </form>
  );
}
