// A labelled select. `hideLabel` keeps the label for screen readers only (e.g. inside a table row).
import { useId, type SelectHTMLAttributes } from 'react';
import { inputClass } from './input-class';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  hint?: string;
  hideLabel?: boolean;
  options: { value: string; label: string }[];
}

export function SelectField({ label, hint, hideLabel, options, className, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'mb-1.5 block text-sm font-medium text-zinc-200'}>
        {label}
      </label>
      <select id={id} aria-describedby={hint ? `${id}-hint` : undefined} className={`${inputClass} pr-8`} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="mt-1.5 text-xs text-zinc-400">
          {hint}
        </p>
      )}
    </div>
  );
}
