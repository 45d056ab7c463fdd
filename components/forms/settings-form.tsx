'use client';
// The shell of a settings form: browser validation off (our messages sit at their fields), every
// edit clears the field's old message and the "saved" note, and the form-level message on top.
import type { FormEvent, ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import type { FormErrors } from './use-form-errors';

export function SettingsForm({ onSubmit, errors, onEdit, intro, children }: { onSubmit: (e: FormEvent<HTMLFormElement>) => void; errors: FormErrors; onEdit: () => void; intro?: ReactNode; children: ReactNode }) {
  return (
    <form
      onSubmit={onSubmit}
      onChange={(e) => {
        onEdit();
        errors.onChange(e);
      }}
      className="space-y-4"
      noValidate
    >
      {intro}
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {children}
    </form>
  );
}
