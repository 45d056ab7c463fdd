'use client';
// Admin → Registration: who may create an account (open, closed, invite); saved on change.
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
  const { data: settings = initialSettings } = useServerSettings(initialSettings);
  const update = useUpdateServerSettings();
  return (
    <div className="space-y-3">
      <SelectField
        label="Registration"
        options={MODES}
        value={update.isPending && update.variables?.registration ? update.variables.registration : settings.registration}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ registration: e.target.value as RegistrationMode })}
        className="sm:max-w-sm"
      />
      {update.error && <Alert tone="error">{formError(update.error)}</Alert>}
      {update.isSuccess && !update.isPending && <Alert tone="success">Registration is now {settings.registration}.</Alert>}
    </div>
  );
}
