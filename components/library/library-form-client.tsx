'use client';
// The library form, for adding and for editing: name, folders (one or more, each checked as it is
// typed), type (with what it does), and how often to rescan. A refusal from the server shows at its
// field until that field changes.
import { useState, type FormEvent } from 'react';
import { fieldErrors, formError } from '@/components/queries/api-fetch';
import type { LibraryType, LibraryView } from '@/components/queries/use-libraries';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { FolderField } from './folder-field-client';
import { LIBRARY_TYPE_HINTS, LIBRARY_TYPES } from './library-labels';

export interface LibraryFormValues {
  name: string;
  paths: string[];
  type: LibraryType;
  scan_interval_minutes: number | null;
  /** Edit only: the background renditions ladder. */
  rendition_ladder?: LibraryView['rendition_ladder'];
}

const LADDERS: { value: LibraryView['rendition_ladder']; label: string }[] = [
  { value: 'off', label: 'Off (live transcode when needed)' },
  { value: '1080,720,480', label: '1080p / 720p / 480p' },
  { value: '1080,720', label: '1080p / 720p' },
  { value: '720,480', label: '720p / 480p' },
  { value: '720', label: '720p' },
];

interface LibraryFormProps {
  /** The library being edited; a new one when absent. */
  library?: LibraryView;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: LibraryFormValues) => void;
  onCancel?: () => void;
}

const MAX_FOLDERS = 20;
const INTERVALS: { value: string; label: string }[] = [
  { value: '', label: 'Server default' },
  { value: '0', label: 'Never: watch for changes only' },
  { value: '15', label: 'Every 15 minutes' },
  { value: '60', label: 'Every hour' },
  { value: '360', label: 'Every 6 hours' },
  { value: '1440', label: 'Every day' },
];

function intervalOptions(current: number | null) {
  if (current === null || INTERVALS.some((o) => o.value === String(current))) return INTERVALS;
  return [...INTERVALS, { value: String(current), label: `Every ${current} minutes` }];
}

export function LibraryForm({ library, submitLabel, pending, error, onSubmit, onCancel }: LibraryFormProps) {
  const [name, setName] = useState(library?.name ?? '');
  const [paths, setPaths] = useState<string[]>(library?.paths.length ? library.paths : ['']);
  const [type, setType] = useState<LibraryType>(library?.type ?? 'movies');
  const [ladder, setLadder] = useState<LibraryView['rendition_ladder']>(library?.rendition_ladder ?? 'off');
  const [interval, setScanInterval] = useState(library?.scan_interval_minutes === null || !library ? '' : String(library.scan_interval_minutes));
  // Fields changed since the last submit: their old server errors no longer apply.
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const touch = (field: string) => setEdited((s) => (s.has(field) ? s : new Set(s).add(field)));
  const serverFields = fieldErrors(error);
  const fields = Object.fromEntries(Object.entries(serverFields).filter(([f]) => !edited.has(f)));
  const fieldNames = ['name', 'type', 'path', 'paths', 'scan_interval_minutes', 'rendition_ladder', ...paths.map((_, i) => `paths.${i}`)];
  // A refusal that names a field shows there, not twice; one that names none (or one not on the form) above.
  const placed = Object.keys(serverFields).length > 0 && Object.keys(serverFields).every((f) => fieldNames.includes(f));
  const message = placed ? null : formError(error, fieldNames);
  const folderError = (i: number) => fields[`paths.${i}`] ?? (i === 0 ? (fields.paths ?? fields.path) : undefined);

  function setFolder(i: number, value: string) {
    setPaths((ps) => ps.map((p, j) => (j === i ? value : p)));
    touch(`paths.${i}`);
    touch('paths');
    touch('path');
  }
  function removeFolder(i: number) {
    setPaths((ps) => ps.filter((_, j) => j !== i));
    // Errors are by position: after a removal they no longer point at the right row.
    setEdited(new Set(fieldNames));
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setEdited(new Set());
    // Empty rows go before sending, so a refusal's `paths.<i>` points at the row on screen.
    const filled = paths.filter((p) => p.trim() !== '');
    const sent = filled.length > 0 ? filled : [''];
    setPaths(sent);
    onSubmit({ name: name.trim(), paths: sent, type, scan_interval_minutes: interval === '' ? null : Number(interval), ...(library ? { rendition_ladder: ladder } : {}) });
  }

  const retyped = library && type !== library.type;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      <div className="grid gap-4 md:grid-cols-2 md:items-start">
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            touch('name');
          }}
          placeholder="e.g. Movies"
          maxLength={100}
          required
          error={fields.name}
        />
        <SelectField
          label="Type"
          name="type"
          value={type}
          onChange={(e) => setType(e.target.value as LibraryType)}
          options={LIBRARY_TYPES}
          hint={retyped ? `${LIBRARY_TYPE_HINTS[type]} Every file is read again and sorted anew.` : LIBRARY_TYPE_HINTS[type]}
        />
      </div>
      <div className="space-y-2">
        {paths.map((p, i) => (
          <FolderField
            key={i}
            label={i === 0 ? 'Folder' : `Folder ${i + 1}`}
            value={p}
            onChange={(v) => setFolder(i, v)}
            error={folderError(i)}
            libraryId={library?.id}
            onRemove={paths.length > 1 ? () => removeFolder(i) : undefined}
          />
        ))}
        {paths.length < MAX_FOLDERS && (
          <Button variant="ghost" size="sm" onClick={() => setPaths((ps) => [...ps, ''])}>
            + Add another folder
          </Button>
        )}
        {library && paths.some((p) => p.trim() !== '') && library.paths.some((p) => !paths.includes(p)) && (
          <p className="text-sm text-amber-300">Removing a folder removes its items from Marquee (the files stay on disk).</p>
        )}
      </div>
      <SelectField
        label="Periodic scan"
        name="scan_interval_minutes"
        value={interval}
        onChange={(e) => setScanInterval(e.target.value)}
        options={intervalOptions(library?.scan_interval_minutes ?? null)}
        hint="Folders are watched for changes; a periodic scan also catches what watching misses (network drives)."
        className="md:max-w-sm"
      />
      {library && (
        <SelectField
          label="Background renditions"
          name="rendition_ladder"
          value={ladder}
          onChange={(e) => setLadder(e.target.value as LibraryView['rendition_ladder'])}
          options={LADDERS}
          hint="H.264/AAC HLS versions made in the background (never upscaled), played with adaptive bitrate instead of a live transcode."
          className="md:max-w-sm"
        />
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
