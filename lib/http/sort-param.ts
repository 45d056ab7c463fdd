// The `sort` query parameter of list endpoints: one of a fixed set of keys. A key outside the set is
// a 400 that names the allowed keys (zod's own message quotes them in a form few people read).
import { z } from 'zod';

export function sortParam<const K extends readonly [string, ...string[]]>(keys: K, fallback: K[number]) {
  return z
    .enum(keys, { error: `sort must be one of: ${keys.join(', ')}` })
    .default(fallback as never)
    .describe(`One of: ${keys.join(', ')}`);
}
