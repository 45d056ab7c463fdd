// Fields that recur across forms, so their labels, autocomplete hints and rules stay one.
import { TextField } from './text-field';

export function CurrentPasswordField({ error, invalid, className }: { error?: string; invalid?: boolean; className?: string }) {
  return (
    <TextField label="Current password" name="password" type="password" autoComplete="current-password" required error={error} invalid={invalid} className={className} />
  );
}

export function UsernameField({ error, readOnly }: { error?: string; readOnly?: boolean }) {
  return (
    <TextField
      label="Username"
      name="username"
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      required
      autoFocus
      readOnly={readOnly}
      hint="3–32 characters: letters, digits, dot, dash, underscore."
      error={error}
    />
  );
}
