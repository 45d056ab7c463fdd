'use client';
// Settings → Profile: display name, gender, and the avatar — an uploaded picture (PNG, JPEG or
// WebP up to 2 MiB, sent on choosing it) or an address.
import { useRouter } from 'next/navigation';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { avatarSrc } from '@/components/layout/user-menu-client';
import { useAccount, useSetupProfile, useUploadAvatar } from '@/components/queries/use-account';
import { Alert } from '@/components/ui/alert';
import { SettingsForm } from '@/components/forms/settings-form';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import type { UserView } from '@/lib/users/user-view';

const PLACEMENT = { fields: ['name', 'gender', 'avatar'] } as const;
const MAX_BYTES = 2 * 1024 * 1024;

export function ProfileForm({ initialAccount }: { initialAccount: UserView }) {
  const router = useRouter();
  const { data: account = initialAccount } = useAccount(initialAccount);
  const save = useSetupProfile();
  const uploadAvatar = useUploadAvatar();
  const [saved, setSaved] = useState(false);
  // Controlled, so an upload shows its new address here and a later save keeps it.
  const [avatar, setAvatar] = useState(account.avatar ?? '');
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);
  const errors = useFormErrors(save.error, PLACEMENT);
  const { fields } = errors;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setSaved(false);
    save.mutate(
      { name: String(form.get('name') ?? '').trim(), gender: String(form.get('gender') ?? '').trim() || null, avatar: avatar.trim() || null },
      {
        onSuccess: () => {
          setSaved(true);
          router.refresh(); // The header shows the display name and avatar.
        },
      },
    );
  }

  function choose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    setSaved(false);
    setUploadProblem(null);
    if (!file) return;
    // The server checks too; this saves sending 20 MB to hear no.
    if (file.size > MAX_BYTES) return setUploadProblem('Choose a picture of at most 2 MB.');
    uploadAvatar.mutate(file, {
      onSuccess: (user) => {
        setAvatar(user.avatar ?? '');
        router.refresh();
      },
      onError: (err) => setUploadProblem(err instanceof Error ? err.message : 'The upload failed.'),
    });
  }

  const shown = account.avatar;
  return (
    <SettingsForm onSubmit={submit} errors={errors} onEdit={() => setSaved(false)}>
      {saved && !save.isPending && <Alert tone="success">Profile saved.</Alert>}
      {uploadProblem && <Alert tone="error">{uploadProblem}</Alert>}
      <div className="flex items-start gap-4">
        <div className="flex shrink-0 flex-col items-center gap-2">
          {shown ? (
            <img src={avatarSrc(shown, 56)} alt="Your avatar" className="size-14 rounded-full object-cover ring-1 ring-white/10" />
          ) : (
            <span aria-hidden className="grid size-14 place-items-center rounded-full bg-accent-400/15 text-xl font-semibold uppercase text-accent-300">
              {(account.name ?? account.username).slice(0, 1)}
            </span>
          )}
          <label className="cursor-pointer rounded-lg px-2 py-1 text-xs font-medium text-accent-300 hover:bg-white/5 focus-within:outline-2 focus-within:outline-accent-400">
            {uploadAvatar.isPending ? 'Uploading…' : 'Upload picture'}
            <input type="file" name="avatar_file" accept="image/png,image/jpeg,image/webp" className="sr-only" onChange={choose} disabled={uploadAvatar.isPending} />
          </label>
        </div>
        <div className="grid flex-1 gap-4 sm:grid-cols-2">
          <TextField label="Display name" name="name" defaultValue={account.name ?? ''} autoComplete="name" maxLength={100} required error={fields.name} />
          <TextField label="Gender" name="gender" defaultValue={account.gender ?? ''} maxLength={50} hint="Optional, in your own words." error={fields.gender} />
          <TextField
            label="Avatar address"
            name="avatar"
            value={avatar}
            onChange={(e) => setAvatar(e.target.value)}
            placeholder="https://…"
            hint="Upload a PNG, JPEG or WebP picture (up to 2 MB), or give an http(s) URL or a path on this server. Empty for none."
            error={fields.avatar}
            className="sm:col-span-2"
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
