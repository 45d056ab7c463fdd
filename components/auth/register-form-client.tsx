'use client';
// Self-service sign-up (when the admin allows it), then straight in.
import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useRegister } from '@/components/queries/use-account';
import { fieldErrors, formError } from '@/components/queries/api-fetch';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { UsernameField } from '@/components/ui/preset-fields';

const FIELDS = ['username', 'password', 'email', 'invite'];

export function RegisterForm({ needsInvite, initialInvite }: { needsInvite: boolean; initialInvite?: string }) {
  const register = useRegister();
  const [pending, setPending] = useState(false);
  const [signInFailed, setSignInFailed] = useState(false);
  const fields = fieldErrors(register.error);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const email = String(form.get('email') ?? '').trim();
    const invite = String(form.get('invite') ?? '').trim();
    setPending(true);
    try {
      await register.mutateAsync({ username, password, ...(email ? { email } : {}), ...(needsInvite ? { invite } : {}) });
      const res = await signIn('credentials', { username, password, redirect: false });
      if (res?.ok && !res.error) {
        window.location.assign('/');
        return;
      }
      setSignInFailed(true);
    } catch {
      // The mutation's error is on screen.
    }
    setPending(false);
  }

  if (signInFailed) {
    return (
      <Alert tone="success">
        Your account was created. <Link href="/login" className="font-semibold underline">Sign in</Link> to continue.
      </Alert>
    );
  }

  const message = formError(register.error, FIELDS);
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      <UsernameField error={fields.username} />
      <TextField label="Email (optional)" name="email" type="email" autoComplete="email" error={fields.email} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 8 characters." error={fields.password} />
      {needsInvite && (
        <TextField
          label="Invite code"
          name="invite"
          autoComplete="off"
          spellCheck={false}
          required
          defaultValue={initialInvite}
          hint="Registration on this server is by invite: ask the admin for a code."
          error={fields.invite}
        />
      )}
      <Button type="submit" pending={pending} className="w-full">
        Create account
      </Button>
    </form>
  );
}
