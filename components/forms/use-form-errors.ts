'use client';
// A form's messages: from the last failed request (placed by placeFormErrors) and from checks made
// in the browser (passwords that differ). A field's message goes as soon as that field changes, and
// the line above the form as soon as anything changes: an old message never sits beside a fixed field.
import { useMemo, useState, type FormEvent } from 'react';
import { placeFormErrors, type Placement } from './place-form-errors';

interface Local {
  fields: Record<string, string>;
  form: string | null;
}

export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
  /** Messages found in the browser, replacing earlier ones; a request's messages stay until edited. */
  setLocal: (local: Partial<Local>) => void;
  /** Put on the <form>: changes bubble up from every input. */
  onChange: (e: FormEvent<HTMLFormElement>) => void;
}

/** `linked`: fields whose messages also go when another changes (confirm goes with password). */
export function useFormErrors(error: unknown, placement: Placement & { linked?: Record<string, readonly string[]> }): FormErrors {
  const placed = useMemo(() => placeFormErrors(error, placement), [error, placement]);
  const [local, setLocalState] = useState<Local>({ fields: {}, form: null });
  // Edits since `error` arrived; a newer error starts with none.
  const [edited, setEdited] = useState<{ source: unknown; names: string[] }>({ source: null, names: [] });
  const stale = edited.source === error ? edited.names : [];

  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(placed.fields)) if (!stale.includes(name)) fields[name] = message;
  Object.assign(fields, local.fields);

  return {
    fields,
    form: local.form ?? (stale.length > 0 ? null : placed.form),
    setLocal: (next) => setLocalState({ fields: next.fields ?? {}, form: next.form ?? null }),
    onChange: (e) => {
      const name = (e.target as HTMLInputElement).name;
      if (!name) return;
      const names = [name, ...(placement.linked?.[name] ?? [])];
      setLocalState((prev) => ({ fields: Object.fromEntries(Object.entries(prev.fields).filter(([n]) => !names.includes(n))), form: null }));
      setEdited((prev) => ({ source: error, names: [...(prev.source === error ? prev.names : []), ...names] }));
    },
  };
}
