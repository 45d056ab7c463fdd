'use client';
// Settings → Email: change it, with the current password; the new address gets a confirmation
// link, and the email changes when it is opened.
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { useAccount, useUpdateAccount } from '@/components/queries/use-account';
import { Alert } from '@/components/ui/alert';
import { SettingsForm } from '@/components/forms/settings-form';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { CurrentPasswordField } from '@/components/ui/preset-fields';
import type { UserView } from '@/lib/users/user-view';

const PLACEMENT = { fields: ['new_email', 'password'], codes: { wrong_password: 'password', email_taken: 'new_email' } } as const;

export function EmailForm({ initialAccount }: { initialAccount: UserView }) {
  const { data: account = initialAccount } = useAccount(initialAccount);
  const update = useUpdateAccount();
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFormErrors(update.error, PLACEMENT);
  const { fields } = errors;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    setSaved(null);
    const newEmail = String(form.get('new_email') ?? '').trim();
    update.mutate(
      { password: String(form.get('password') ?? ''), new_email: newEmail },
      {
        onSuccess: () => {
          setSaved(newEmail);
          formEl.reset();
        },
      },
    );
  }

  return (
    <SettingsForm
      onSubmit={submit}
      errors={errors}
      onEdit={() => setSaved(null)}
      intro={
        <p className="text-sm text-zinc-400">
          Current email: <span className="font-medium text-zinc-200">{account.email ?? 'none'}</span>
        </p>
      }
    >
      {saved && (
        <Alert tone="success">
          We sent a confirmation link to <strong>{saved}</strong>. Your email changes when you open it.
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="New email" name="new_email" type="email" autoComplete="email" required error={fields.new_email} />
        <CurrentPasswordField error={fields.password} />
      </div>
      <div className="flex justify-end">
        <Button type="submit" pending={update.isPending}>
          Change email
        </Button>
      </div>
    </SettingsForm>
  );
}
