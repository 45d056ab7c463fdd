'use client';
// Settings → Password: needs the current one; the API revokes the account's bearer tokens.
import { useState, type FormEvent } from 'react';
import { ApiFetchError, fieldErrors, formError } from '@/components/queries/api-fetch';
import { useUpdateAccount } from '@/components/queries/use-account';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { CurrentPasswordField } from '@/components/ui/preset-fields';

export function PasswordForm() {
  const update = useUpdateAccount();
  const [mismatch, setMismatch] = useState(false);
  const [saved, setSaved] = useState(false);
  const fields = fieldErrors(update.error);
  const wrongPassword = update.error instanceof ApiFetchError && update.error.code === 'wrong_password';

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const next = String(form.get('new_password') ?? '');
    const confirmed = next === String(form.get('confirm_password') ?? '');
    setMismatch(!confirmed);
    setSaved(false);
    if (!confirmed) return;
    update.mutate(
      { password: String(form.get('password') ?? ''), new_password: next },
      {
        onSuccess: () => {
          setSaved(true);
          formEl.reset();
        },
      },
    );
  }

  const message = formError(update.error, ['password', 'new_password']);
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      {saved && <Alert tone="success">Password changed. Apps using a session token must sign in again; API keys keep working.</Alert>}
      <div className="grid gap-4 sm:grid-cols-3">
        <CurrentPasswordField error={fields.password} invalid={wrongPassword} />
        <TextField label="New password" name="new_password" type="password" autoComplete="new-password" required hint="At least 8 characters." error={fields.new_password} />
        <TextField
          label="Confirm new password"
          name="confirm_password"
          type="password"
          autoComplete="new-password"
          required
          error={mismatch ? 'Passwords do not match.' : undefined}
        />
      </div>
      <div className="flex justify-end">
        <Button type="submit" pending={update.isPending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
