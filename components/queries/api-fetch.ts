// The browser's one way to call our REST API: JSON in, JSON out, and the API's error shape
// {"error":{"code","message","fields"?}} turned into a thrown ApiFetchError.
import type { FieldIssue } from '@/lib/errors/api-error';

export class ApiFetchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiFetchError';
  }
}

interface ApiFetchInit {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A file sent as the body itself, with its own Content-Type (uploads), instead of JSON. */
  file?: Blob;
  signal?: AbortSignal;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function apiFetch<T>(path: string, init: ApiFetchInit = {}): Promise<T> {
  const hasBody = init.body !== undefined;
  const contentType = init.file ? init.file.type || 'application/octet-stream' : hasBody ? 'application/json' : null;
  const res = await fetch(path, {
    method: init.method ?? (hasBody || init.file ? 'POST' : 'GET'),
    headers: contentType ? { accept: 'application/json', 'content-type': contentType } : { accept: 'application/json' },
    body: init.file ?? (hasBody ? JSON.stringify(init.body) : undefined),
    credentials: 'same-origin',
    signal: init.signal,
  });
  const text = res.status === 204 ? '' : await res.text();
  const data = text ? parseJson(text) : undefined;
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; fields?: FieldIssue[] } } | undefined)?.error;
    throw new ApiFetchError(res.status, err?.code ?? 'http_error', err?.message ?? `The server answered ${res.status}.`, err?.fields ?? []);
  }
  return data as T;
}

/** Field messages by input name ("body.username" → "username"), the first message per field. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiFetchError)) return {};
  const out: Record<string, string> = {};
  for (const f of err.fields) {
    const name = f.path.replace(/^body\./, '');
    out[name] ??= f.message;
  }
  return out;
}

/** "body.scan_interval" → "Scan interval", "body.paths.0" → "Paths 1". */
export function fieldLabel(path: string): string {
  const words = path
    .replace(/^(body|query|params)\./, '')
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? String(Number(p) + 1) : p.replace(/_/g, ' ')))
    .join(' ');
  return words ? words[0].toUpperCase() + words.slice(1) : 'This';
}

/** The message to show above a form: the API's message, or a short pointer when fields carry it. */
export function formError(err: unknown, fieldNames: string[] = []): string | null {
  if (!err) return null;
  if (err instanceof ApiFetchError) {
    const fields = Object.keys(fieldErrors(err));
    if (err.code === 'validation_failed' && fields.length > 0) {
      if (fields.every((f) => fieldNames.includes(f))) return 'Check the highlighted fields.';
      // Not "Invalid request: body.x: …": name each field the way a person would.
      return err.fields.map((f) => (f.path === '(root)' ? f.message : `${fieldLabel(f.path)}: ${f.message}`)).join(' ');
    }
    return err.message;
  }
  return err instanceof Error && err.message ? err.message : 'Something went wrong. Try again.';
}
