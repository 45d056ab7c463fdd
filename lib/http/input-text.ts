// Text no database here can store: NUL (PostgreSQL refuses it in text columns) and lone UTF-16
// surrogates (they have no UTF-8 encoding; SQLite's driver fails on them). Found in any string of a
// request's body, query or path params — object keys too — it is a 400 naming where, before zod
// or a handler sees it. Iterative, so a deeply nested body cannot overflow the stack.
import { ApiError } from '@/lib/errors/api-error';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function problem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000).';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate (invalid Unicode).';
  return null;
}

/** Throws 400 validation_failed when a string (or key) anywhere in `value` is not storable text. */
export function rejectUnstorableText(value: unknown, where: string): void {
  const stack: { value: unknown; path: string }[] = [{ value, path: where }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const message = problem(v);
      if (message) throw new ApiError('validation_failed', `Invalid request: ${path}: ${message}`, { fields: [{ path, message }] });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, path: `${path}.${i}` }));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const message = problem(key);
        if (message) throw new ApiError('validation_failed', `Invalid request: a field name in ${path} ${message}`, { fields: [{ path, message: `A field name ${message}` }] });
        stack.push({ value: item, path: `${path}.${key}` });
      }
    }
  }
}
