'use client';
// Settings → API keys: list by preview, create one (its key is shown once), revoke.
import { useState, type FormEvent } from 'react';
import { formError } from '@/components/queries/api-fetch';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { useApiKeys, useCreateApiKey, useRevokeApiKey, type ApiKeyScope, type CreatedApiKey } from '@/components/queries/use-api-keys';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button-client';
import { formatDate } from '@/components/ui/format-date';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { ApiKeyView } from '@/lib/auth/api-keys';
import { DataTable } from '@/components/ui/data-table';

const SCOPES: { value: ApiKeyScope; label: string }[] = [
  { value: 'full', label: 'Full access' },
  { value: 'read', label: 'Read only' },
  { value: 'scanner', label: 'Scanner' },
  { value: 'scrobble', label: 'Scrobble (other players report what you play)' },
];

const PLACEMENT = { fields: ['name'] } as const;

export function ApiKeys({ initialKeys }: { initialKeys: ApiKeyView[] }) {
  const { data: keys = initialKeys } = useApiKeys(initialKeys);
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const errors = useFormErrors(create.error, PLACEMENT);
  const { fields } = errors;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    setCreated(null);
    create.mutate(
      { name: String(form.get('name') ?? '').trim(), scope: String(form.get('scope') ?? 'full') as ApiKeyScope },
      {
        onSuccess: (key) => {
          setCreated(key);
          formEl.reset();
        },
      },
    );
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} onChange={errors.onChange} className="space-y-4" noValidate>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
          <TextField label="Key name" name="name" placeholder="e.g. Living-room TV" maxLength={100} required error={fields.name} />
          <SelectField label="Scope" name="scope" defaultValue="full" options={SCOPES} />
          <Button type="submit" pending={create.isPending} className="sm:mt-7">
            Create key
          </Button>
        </div>
        <p className="text-xs text-zinc-400">Full: everything your account may do. Read: GET requests only. Scanner: remote-scanner operations.</p>
      </form>

      {created && (
        <div role="status" className="rounded-xl border border-accent-400/30 bg-accent-400/5 p-4">
          <p className="text-sm font-semibold text-accent-300">New key “{created.name}” created</p>
          <p className="mt-1 text-sm text-zinc-300">Copy it now: it won’t be shown again.</p>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <code data-testid="new-api-key" className="min-w-0 flex-1 select-all break-all rounded-lg bg-zinc-950 px-3 py-2 font-mono text-sm text-zinc-100 ring-1 ring-white/10">
              {created.key}
            </code>
            <CopyButton value={created.key} />
            <Button variant="ghost" size="sm" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        </div>
      )}

      {revoke.error && <Alert tone="error">{formError(revoke.error)}</Alert>}
      {keys.length === 0 ? (
        <p className="rounded-xl border border-dashed border-white/10 px-4 py-6 text-center text-sm text-zinc-400">No API keys yet.</p>
      ) : (
        <DataTable caption="Your API keys" minWidth="36rem" columns={['Name', 'Key', 'Scope', 'Created', 'Last used', { label: 'Actions', hidden: true }]}>
              {keys.map((k) => (
                <tr key={k.id} className="hover:bg-white/[0.02]">
                  <td className="px-4 py-3 font-medium text-zinc-100">{k.name}</td>
                  <td className="px-4 py-3 font-mono text-xs text-zinc-400">{k.preview}</td>
                  <td className="px-4 py-3">
                    <span className="rounded-full bg-white/5 px-2 py-0.5 text-xs text-zinc-300 ring-1 ring-inset ring-white/10">{k.scope}</span>
                  </td>
                  <td className="px-4 py-3 text-zinc-400"><time dateTime={k.created_at}>{formatDate(k.created_at)}</time></td>
                  <td className="px-4 py-3 text-zinc-400">{k.last_used_at ? <time dateTime={k.last_used_at}>{formatDate(k.last_used_at)}</time> : 'Never'}</td>
                  <td className="px-4 py-3 text-right">
                    <Button
                      variant="danger"
                      size="sm"
                      aria-label={`Revoke ${k.name}`}
                      pending={revoke.isPending && revoke.variables === k.id}
                      onClick={() => {
                        if (created?.id === k.id) setCreated(null);
                        revoke.mutate(k.id);
                      }}
                    >
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </DataTable>
      )}
    </div>
  );
}
