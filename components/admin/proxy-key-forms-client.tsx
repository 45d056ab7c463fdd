'use client';
// Admin → TVDB API keys: the create form and the edit dialog, which share the limit and expiry fields.
import type { FormEvent } from 'react';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { useCreateProxyKey, useUpdateProxyKey, type IssuedProxyKey, type ProxyKeyView } from '@/components/queries/use-proxy-keys';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { ModalDialog } from '@/components/ui/modal-dialog-client';

export interface ProxyKeyDefaults {
  rateLimit: number;
  burst: number;
}

const KINDS: { value: ProxyKeyView['kind']; label: string }[] = [
  { value: 'licensed', label: 'Licensed (key only)' },
  { value: 'user_supported', label: 'User-supported (key + PIN)' },
];

// Inputs that show their own message; the rest (kind, active) go above the form.
const PLACEMENT = { fields: ['name', 'description', 'rate_limit', 'burst', 'expires_at', 'pin'] } as const;

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** An expiry date (YYYY-MM-DD, UTC) as the instant it ends: the key works through that whole day. */
function expiryFromDate(date: string): string | null {
  return date ? `${date}T23:59:59.999Z` : null;
}

interface LimitFieldsProps {
  fields: Record<string, string>;
  defaults?: ProxyKeyDefaults;
  current?: ProxyKeyView;
}

/** Rate limit, burst and expiry: optional when creating (server defaults), prefilled when editing. */
function LimitFields({ fields, defaults, current }: LimitFieldsProps) {
  const number = { type: 'number', inputMode: 'numeric', min: 1, max: 100_000, step: 1 } as const;
  return (
    <div className="grid gap-4 sm:grid-cols-3 sm:items-start">
      <TextField
        label="Rate limit"
        name="rate_limit"
        {...number}
        defaultValue={current?.rate_limit}
        placeholder={defaults ? String(defaults.rateLimit) : undefined}
        hint={defaults ? `Requests per minute. Empty: ${defaults.rateLimit}.` : 'Requests per minute.'}
        required={!!current}
        error={fields.rate_limit}
      />
      <TextField
        label="Burst"
        name="burst"
        {...number}
        defaultValue={current?.burst}
        placeholder={defaults ? String(defaults.burst) : undefined}
        hint={defaults ? `Requests at once. Empty: ${defaults.burst}.` : 'Requests at once.'}
        required={!!current}
        error={fields.burst}
      />
      <TextField
        label="Expires"
        name="expires_at"
        type="date"
        defaultValue={current?.expires_at?.slice(0, 10) ?? ''}
        hint="Works through this day (UTC). Empty: never."
        error={fields.expires_at}
      />
    </div>
  );
}

export function ProxyKeyCreateForm({ defaults, onCreated }: { defaults: ProxyKeyDefaults; onCreated: (issued: IssuedProxyKey) => void }) {
  const create = useCreateProxyKey();
  const errors = useFormErrors(create.error, PLACEMENT);
  const { fields, form: message } = errors;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const optionalNumber = (name: string) => (text(form, name) === '' ? undefined : Number(text(form, name)));
    create.mutate(
      {
        name: text(form, 'name'),
        description: text(form, 'description') || undefined,
        kind: text(form, 'kind') as ProxyKeyView['kind'],
        pin: text(form, 'kind') === 'user_supported' && text(form, 'pin') ? text(form, 'pin') : undefined,
        rate_limit: optionalNumber('rate_limit'),
        burst: optionalNumber('burst'),
        expires_at: expiryFromDate(text(form, 'expires_at')) ?? undefined,
      },
      {
        onSuccess: (issued) => {
          formEl.reset();
          onCreated(issued);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} onChange={errors.onChange} className="space-y-4" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_16rem] sm:items-start">
        <TextField label="Name" name="name" placeholder="e.g. Kodi in the living room" maxLength={100} required error={fields.name} />
        <SelectField label="Kind" name="kind" defaultValue="licensed" options={KINDS} />
      </div>
      <TextField label="Description" name="description" placeholder="Optional: who uses it, for what" maxLength={500} error={fields.description} />
      <TextField label="PIN (user-supported keys)" name="pin" placeholder="Empty: one is generated" maxLength={64} autoComplete="off" error={fields.pin} />
      <LimitFields fields={fields} defaults={defaults} />
      <Button type="submit" pending={create.isPending}>
        Create key
      </Button>
    </form>
  );
}

export function ProxyKeyEditDialog({ proxyKey, onClose }: { proxyKey: ProxyKeyView; onClose: () => void }) {
  const update = useUpdateProxyKey();
  const errors = useFormErrors(update.error, PLACEMENT);
  const { fields, form: message } = errors;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    update.mutate(
      {
        id: proxyKey.id,
        name: text(form, 'name'),
        description: text(form, 'description') || null,
        rate_limit: Number(text(form, 'rate_limit')),
        burst: Number(text(form, 'burst')),
        active: form.get('active') === 'on',
        expires_at: expiryFromDate(text(form, 'expires_at')),
      },
      { onSuccess: onClose },
    );
  }

  return (
    <ModalDialog title={`Edit “${proxyKey.name}”`} description={<p>Changes apply to the next request made with the key.</p>} onClose={onClose}>
      <form onSubmit={submit} onChange={errors.onChange} className="space-y-4" noValidate>
        {message && <Alert tone="error">{message}</Alert>}
        <TextField label="Name" name="name" defaultValue={proxyKey.name} maxLength={100} required error={fields.name} />
        <TextField label="Description" name="description" defaultValue={proxyKey.description ?? ''} maxLength={500} error={fields.description} />
        <LimitFields fields={fields} current={proxyKey} />
        <label className="flex items-start gap-2.5 text-sm text-zinc-300">
          <input type="checkbox" role="switch" name="active" defaultChecked={proxyKey.active} className="mt-0.5 size-4 rounded border-white/20 bg-zinc-900 accent-accent-400" />
          <span>
            <span className="font-medium text-zinc-100">Active</span>
            <span className="block text-xs text-zinc-400">An inactive key cannot log in, and its tokens stop working.</span>
          </span>
        </label>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={update.isPending}>
            Save changes
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
