'use client';
// Settings → Delete account: password plus an explicit confirmation, then sign out.
import { signOut } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { useDeleteAccount } from '@/components/queries/use-account';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CurrentPasswordField } from '@/components/ui/preset-fields';

const PLACEMENT = { fields: ['password'], codes: { wrong_password: 'password' } } as const;

/** `onlyAdmin`: the server's only admin cannot delete their account (the API refuses, 409). */
export function DeleteAccount({ onlyAdmin = false }: { onlyAdmin?: boolean }) {
  const remove = useDeleteAccount();
  const [confirmed, setConfirmed] = useState(false);
  const errors = useFormErrors(remove.error, PLACEMENT);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    remove.mutate({ password: String(form.get('password') ?? '') }, { onSuccess: () => void signOut({ callbackUrl: '/login' }) });
  }

  if (onlyAdmin) {
    return <Alert tone="info">You are the only admin of this server: make another user admin (Admin → Users) before deleting your account.</Alert>;
  }
  return (
    <form onSubmit={submit} onChange={errors.onChange} className="space-y-4" noValidate>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <CurrentPasswordField className="sm:max-w-sm" error={errors.fields.password} />
      <label className="flex items-start gap-2.5 text-sm text-zinc-300">
        <input
          type="checkbox"
          name="confirm"
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
          className="mt-0.5 size-4 rounded border-white/20 bg-zinc-900 accent-red-500"
        />
        I understand that my account, its API keys and my watch data are deleted for good.
      </label>
      <div className="flex justify-end">
        <Button type="submit" variant="danger" disabled={!confirmed} pending={remove.isPending || remove.isSuccess}>
          Delete account
        </Button>
      </div>
    </form>
  );
}
