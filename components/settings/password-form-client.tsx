'use client';
// Settings → Password: needs the current one; the API revokes the account's bearer tokens.
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { useUpdateAccount } from '@/components/queries/use-account';
import { Alert } from '@/components/ui/alert';
import { SettingsForm } from '@/components/forms/settings-form';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { CurrentPasswordField } from '@/components/ui/preset-fields';

const PLACEMENT = {
  fields: ['password', 'new_password', 'confirm_password'],
  codes: { wrong_password: 'password' },
  linked: { new_password: ['confirm_password'] },
} as const;

export function PasswordForm() {
  const update = useUpdateAccount();
  const errors = useFormErrors(update.error, PLACEMENT);
  const [saved, setSaved] = useState(false);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const next = String(form.get('new_password') ?? '');
    setSaved(false);
    if (next !== String(form.get('confirm_password') ?? '')) {
      errors.setLocal({ fields: { confirm_password: 'The two passwords are not the same.' } });
      return;
    }
    errors.setLocal({});
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

  const { fields } = errors;
  return (
    <SettingsForm onSubmit={submit} errors={errors} onEdit={() => setSaved(false)}>
      {saved && <Alert tone="success">Password changed. Apps using a session token must sign in again; API keys keep working.</Alert>}
      <div className="grid gap-4 sm:grid-cols-3">
        <CurrentPasswordField error={fields.password} />
        <TextField label="New password" name="new_password" type="password" autoComplete="new-password" required hint="At least 8 characters." error={fields.new_password} />
        <TextField label="Confirm new password" name="confirm_password" type="password" autoComplete="new-password" required error={fields.confirm_password} />
      </div>
      <div className="flex justify-end">
        <Button type="submit" pending={update.isPending}>
          Change password
        </Button>
      </div>
    </SettingsForm>
  );
}
