'use client';
// Admin → Sign-ups: who may create an account (open, closed, invite), and whether invites are
// made and accepted at all, whether new accounts are activated by email, and the demo login; each
// saved on change.
import { formError } from '@/components/queries/api-fetch';
import { useServerSettings, useUpdateServerSettings, type RegistrationMode, type ServerSettings } from '@/components/queries/use-server-settings';
import { Alert } from '@/components/ui/alert';
import { SelectField } from '@/components/ui/select-field';

const MODES: { value: RegistrationMode; label: string }[] = [
  { value: 'open', label: 'Open: anyone can sign up' },
  { value: 'invite', label: 'Invite: sign-up needs an invite code' },
  { value: 'closed', label: 'Closed: only admins add accounts' },
];

export function RegistrationSetting({ initialSettings }: { initialSettings: ServerSettings }) {
  const { data: saved = initialSettings } = useServerSettings(initialSettings);
  const update = useUpdateServerSettings();
  const settings = update.isPending && update.variables ? { ...saved, ...update.variables } : saved;
  return (
    <div className="space-y-4">
      <SelectField
        label="Registration"
        options={MODES}
        value={settings.registration}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ registration: e.target.value as RegistrationMode })}
        hint={settings.registration === 'open' ? 'The sign-in page links to sign-up.' : 'Invite codes and links still work unless invites are off.'}
        className="sm:max-w-sm"
      />
      <label className="flex items-start gap-2.5 text-sm text-zinc-300">
        <input
          type="checkbox"
          name="invites"
          checked={settings.invites}
          disabled={update.isPending || (settings.registration === 'invite' && settings.invites)}
          onChange={(e) => update.mutate({ invites: e.target.checked })}
          className="mt-0.5 size-4 rounded border-white/20 bg-zinc-900 accent-accent-400"
        />
        <span>
          Invites on
          <span className="block text-xs text-zinc-400">
            {settings.registration === 'invite' ? 'Invite-only sign-up needs invites.' : 'Off: no invite codes or invite links are made or accepted.'}
          </span>
        </span>
      </label>
      <label className="flex items-start gap-2.5 text-sm text-zinc-300">
        <input
          type="checkbox"
          name="email_activation"
          checked={settings.email_activation === 'required'}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ email_activation: e.target.checked ? 'required' : 'off' })}
          className="mt-0.5 size-4 rounded border-white/20 bg-zinc-900 accent-accent-400"
        />
        <span>
          Activate new accounts by email
          <span className="block text-xs text-zinc-400">Sign-up then needs an email; the account can sign in once the link mailed to it is opened.</span>
        </span>
      </label>
      <label className="flex items-start gap-2.5 text-sm text-zinc-300">
        <input
          type="checkbox"
          name="demo"
          checked={settings.demo}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ demo: e.target.checked })}
          className="mt-0.5 size-4 rounded border-white/20 bg-zinc-900 accent-accent-400"
        />
        <span>
          Demo login
          <span className="block text-xs text-zinc-400">“Try the demo” on the sign-in page: a shared read-only account that can browse and play.</span>
        </span>
      </label>
      {update.error && <Alert tone="error">{formError(update.error)}</Alert>}
    </div>
  );
}
