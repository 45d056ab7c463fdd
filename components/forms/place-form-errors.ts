// Where each message of a failed request goes on a form: a field's own message under that field,
// the rest in one line above the form. Pure, so the rules are table-tested.
import { ApiFetchError } from '@/components/queries/api-fetch';

export interface PlacedErrors {
  /** Message per input name, shown under the input. */
  fields: Record<string, string>;
  /** What belongs to no field on this form, shown above it; null when every message has a field. */
  form: string | null;
}

export interface Placement {
  /** The input names of the form, as the API names its body fields. */
  fields: readonly string[];
  /** Error codes that are about one field (wrong_password → password), by code. */
  codes?: Readonly<Record<string, string>>;
  /** API field names that differ from the input names (new_email → email), by API name. */
  rename?: Readonly<Record<string, string>>;
}

const OFFLINE = 'Could not reach the server. Check your connection and try again.';

export function placeFormErrors(err: unknown, placement: Placement): PlacedErrors {
  if (!err) return { fields: {}, form: null };
  if (!(err instanceof ApiFetchError)) {
    // fetch() throws a TypeError when the request never got an answer.
    if (err instanceof TypeError) return { fields: {}, form: OFFLINE };
    return { fields: {}, form: err instanceof Error && err.message ? err.message : 'Something went wrong. Try again.' };
  }
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of err.fields) {
    const apiName = issue.path.replace(/^body\./, '');
    const name = placement.rename?.[apiName] ?? apiName;
    if (placement.fields.includes(name)) fields[name] ??= issue.message;
    else unplaced.push(issue.message);
  }
  const codeField = placement.codes?.[err.code];
  if (codeField && !fields[codeField]) {
    fields[codeField] = err.message;
    return { fields, form: unplaced.length ? unplaced.join(' ') : null };
  }
  if (err.code === 'validation_failed' && err.fields.length > 0) {
    return { fields, form: unplaced.length ? unplaced.join(' ') : null };
  }
  return { fields, form: err.message };
}
