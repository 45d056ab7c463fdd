'use client';
// First-run setup: create the admin account, sign in as it, set the display name, go home.
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { useRegister, useSetupProfile } from '@/components/queries/use-account';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { UsernameField } from '@/components/ui/preset-fields';
import { signInErrorMessage } from './sign-in-error-message';

const PLACEMENT = {
  fields: ['username', 'password', 'confirm', 'name'],
  codes: { username_taken: 'username' },
  linked: { password: ['confirm'] },
} as const;

export function SetupForm() {
  const register = useRegister();
  const setupProfile = useSetupProfile();
  const [finishing, setFinishing] = useState(false);
  const errors = useFormErrors(register.error ?? setupProfile.error, PLACEMENT);
  const { fields } = errors;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('confirm') ?? '')) {
      errors.setLocal({ fields: { confirm: 'The two passwords are not the same.' } });
      return;
    }
    errors.setLocal({});
    setupProfile.reset();
    setFinishing(true);
    try {
      if (!register.isSuccess) await register.mutateAsync({ username, password });
      const res = await signIn('credentials', { username, password, redirect: false });
      if (!res?.ok || res.error) {
        errors.setLocal({ form: `The account was created, but signing in failed: ${signInErrorMessage(res?.error ?? 'unknown')}` });
        setFinishing(false);
        return;
      }
      await setupProfile.mutateAsync({ name: name || username });
      window.location.assign('/');
    } catch {
      setFinishing(false); // The mutation's error is on screen.
    }
  }

  return (
    <form onSubmit={submit} onChange={errors.onChange} className="space-y-4" noValidate>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
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
        error={fields.confirm}
      />
      <Button type="submit" pending={finishing} className="w-full">
        Create admin account
      </Button>
    </form>
  );
}
