// Exponential retry backoff: base, 2×base, 4×base… capped, so a failing job does not spin.

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 5_000, maxMs: 60 * 60 * 1000 };

/** The delay before the next attempt, after `attempts` attempts have failed (1 = the first). */
export function backoffDelay(attempts: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(exponent, 30));
}
