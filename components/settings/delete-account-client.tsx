'use client';
// Settings → Delete account: password plus an explicit confirmation, then sign out.
import { signOut } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { ApiFetchError, formError } from '@/components/queries/api-fetch';
import { useDeleteAccount } from '@/components/queries/use-account';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CurrentPasswordField } from '@/components/ui/preset-fields';

export function DeleteAccount() {
  const remove = useDeleteAccount();
  const [confirmed, setConfirmed] = useState(false);
  const wrongPassword = remove.error instanceof ApiFetchError && remove.error.code === 'wrong_password';

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    remove.mutate({ password: String(form.get('password') ?? '') }, { onSuccess: () => void signOut({ callbackUrl: '/login' }) });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {remove.error && <Alert tone="error">{formError(remove.error)}</Alert>}
      <CurrentPasswordField className="sm:max-w-sm" invalid={wrongPassword} />
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
