'use client';
// One folder input of a library form, with its live verdict underneath ("Checking…", "✓ Folder OK",
// or why not), checked against every other library (and, when editing, not against its own).
import { useId } from 'react';
import { useCheckLibraryPath } from '@/components/queries/use-libraries';
import { inputClass } from '@/components/ui/input-class';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';

interface FolderFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The server's refusal from the last submit (cleared by the form when the field changes). */
  error?: string;
  /** When editing: the library whose own folders do not count as overlaps. */
  libraryId?: string;
  onRemove?: () => void;
}

export function FolderField({ label, value, onChange, error, libraryId, onRemove }: FolderFieldProps) {
  const id = useId();
  const statusId = `${id}-status`;
  const checkedPath = useDebouncedValue(value, 300);
  const check = useCheckLibraryPath(checkedPath, libraryId);
  const checking = value.trim() !== '' && (value !== checkedPath || check.isFetching);
  const verdict = value === checkedPath && value.trim() !== '' ? check.data : undefined;
  const problem = error ?? (verdict && !verdict.ok ? (verdict.message ?? 'This folder cannot be used.') : undefined);
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-zinc-200">
        {label}
      </label>
      <div className="flex gap-2">
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
          className={`${inputClass} min-w-0 flex-1 font-mono`}
        />
        {onRemove && (
          <button
            type="button"
            onClick={onRemove}
            aria-label={`Remove ${label.toLowerCase()}`}
            className="shrink-0 rounded-lg px-3 text-sm text-zinc-400 ring-1 ring-inset ring-white/10 hover:bg-white/5 hover:text-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-400"
          >
            Remove
          </button>
        )}
      </div>
      <p id={statusId} aria-live="polite" className="mt-1.5 min-h-5 break-words text-sm">
        {value.trim() === '' ? (
          <span className="text-xs text-zinc-400">An absolute path on this server.</span>
        ) : checking ? (
          <span className="text-zinc-400">Checking…</span>
        ) : problem ? (
          <span className="text-red-400">{problem}</span>
        ) : verdict?.ok ? (
          <span className="text-emerald-300">
            <span aria-hidden>✓ </span>Folder OK
            {verdict.path && verdict.path !== value && <span className="ml-1 break-all font-mono text-xs text-zinc-400">({verdict.path})</span>}
          </span>
        ) : value === checkedPath && check.isError ? (
          <span className="text-zinc-400">Could not check this folder just now.</span>
        ) : null}
      </p>
    </div>
  );
}
