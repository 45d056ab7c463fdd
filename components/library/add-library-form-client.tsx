'use client';
// The add-library form (admins): name, folder (checked as you type), type; then opens the new library.
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { fieldErrors, formError } from '@/components/queries/api-fetch';
import { useCheckLibraryPath, useCreateLibrary, type LibraryType } from '@/components/queries/use-libraries';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/input-class';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';
import { LIBRARY_TYPES } from './library-labels';

export function AddLibraryForm() {
  const router = useRouter();
  const create = useCreateLibrary();
  const [path, setPath] = useState('');
  const checkedPath = useDebouncedValue(path, 300);
  const check = useCheckLibraryPath(checkedPath);
  const fields = fieldErrors(create.error);
  const message = formError(create.error, ['name', 'path', 'type']);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    create.mutate(
      { name: String(form.get('name') ?? '').trim(), path, type: String(form.get('type') ?? 'movies') as LibraryType },
      { onSuccess: ({ id }) => router.push(`/libraries/${encodeURIComponent(id)}`) },
    );
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1.6fr)_11rem] md:items-start">
        <TextField label="Name" name="name" placeholder="e.g. Movies" maxLength={100} required error={fields.name} />
        <FolderField
          value={path}
          onChange={setPath}
          error={fields.path}
          checking={path.trim() !== '' && (path !== checkedPath || check.isFetching)}
          verdict={path === checkedPath && path.trim() !== '' ? check.data : undefined}
          checkFailed={path === checkedPath && check.isError}
        />
        <SelectField label="Type" name="type" defaultValue="movies" options={LIBRARY_TYPES} />
      </div>
      <Button type="submit" pending={create.isPending}>
        Add library
      </Button>
    </form>
  );
}

interface FolderFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  checking: boolean;
  verdict?: { ok: boolean; path: string | null; message: string | null };
  checkFailed: boolean;
}

/** The folder input with its live verdict underneath: "Checking…", "✓ Folder OK", or why not. */
function FolderField({ value, onChange, error, checking, verdict, checkFailed }: FolderFieldProps) {
  const id = useId();
  const statusId = `${id}-status`;
  const problem = error ?? (verdict && !verdict.ok ? (verdict.message ?? 'This folder cannot be used.') : undefined);
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-zinc-200">
        Folder
      </label>
      <input
        id={id}
        name="path"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="/srv/media/Movies"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        aria-invalid={problem && !checking ? true : undefined}
        aria-describedby={statusId}
        className={`${inputClass} font-mono`}
      />
      <p id={statusId} aria-live="polite" className="mt-1.5 min-h-5 text-sm">
        {value.trim() === '' ? (
          <span className="text-xs text-zinc-400">An absolute path on this server.</span>
        ) : checking ? (
          <span className="text-zinc-400">Checking…</span>
        ) : problem ? (
          <span className="text-red-400">{problem}</span>
        ) : verdict?.ok ? (
          <span className="text-emerald-300">
            <span aria-hidden>✓ </span>Folder OK
            {verdict.path && verdict.path !== value && <span className="ml-1 font-mono text-xs text-zinc-400">({verdict.path})</span>}
          </span>
        ) : checkFailed ? (
          <span className="text-zinc-400">Could not check this folder just now.</span>
        ) : null}
      </p>
    </div>
  );
}
