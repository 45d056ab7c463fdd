'use client';
// Settings → Profile: display name and avatar URL.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { useAccount, useSetupProfile } from '@/components/queries/use-account';
import { Alert } from '@/components/ui/alert';
import { SettingsForm } from '@/components/forms/settings-form';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import type { UserView } from '@/lib/users/user-view';

const PLACEMENT = { fields: ['name', 'avatar'] } as const;

export function ProfileForm({ initialAccount }: { initialAccount: UserView }) {
  const router = useRouter();
  const { data: account = initialAccount } = useAccount(initialAccount);
  const save = useSetupProfile();
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors(save.error, PLACEMENT);
  const { fields } = errors;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const avatar = String(form.get('avatar') ?? '').trim();
    setSaved(false);
    save.mutate(
      { name: String(form.get('name') ?? '').trim(), avatar: avatar || null },
      {
        onSuccess: () => {
          setSaved(true);
          router.refresh(); // The header shows the display name.
        },
      },
    );
  }

  return (
    <SettingsForm onSubmit={submit} errors={errors} onEdit={() => setSaved(false)}>
      {saved && !save.isPending && <Alert tone="success">Profile saved.</Alert>}
      <div className="flex items-start gap-4">
        {account.avatar ? (
          <img src={account.avatar} alt="" className="size-14 shrink-0 rounded-full object-cover ring-1 ring-white/10" />
        ) : (
          <span aria-hidden className="grid size-14 shrink-0 place-items-center rounded-full bg-accent-400/15 text-xl font-semibold uppercase text-accent-300">
            {(account.name ?? account.username).slice(0, 1)}
          </span>
        )}
        <div className="grid flex-1 gap-4 sm:grid-cols-2">
          <TextField label="Display name" name="name" defaultValue={account.name ?? ''} autoComplete="name" maxLength={100} required error={fields.name} />
          <TextField
            label="Avatar URL"
            name="avatar"
            type="url"
            defaultValue={account.avatar ?? ''}
            placeholder="https://…"
            hint="An http(s) URL or a path on this server. Leave empty for none."
            error={fields.avatar}
          />
        </div>
      </div>
      <div className="flex justify-end">
        <Button type="submit" pending={save.isPending}>
          Save profile
        </Button>
      </div>
    </SettingsForm>
  );
}
