// Running out of file descriptors (EMFILE: this process, ENFILE: the whole system) is not an
// ordinary failure: every later open, spawn and socket fails too. Whoever meets one notes it here;
// the worker's heartbeat reports the recent count and its open descriptors, and /api/health says
// "degraded" — instead of scans "finishing" with 0 files while health says ok.
import { readdirSync, readFileSync } from 'node:fs';

export const FD_ERROR_WINDOW_MS = 5 * 60_000;
const FD_CODES = new Set(['EMFILE', 'ENFILE']);
const seen: number[] = [];

export function isFdExhaustion(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && FD_CODES.has(code)) return true;
  const cause = (err as { cause?: unknown }).cause;
  return cause !== undefined && cause !== err && isFdExhaustion(cause);
}

/** Errors already counted: one error passed up through several layers counts once. */
const counted = new WeakSet<object>();

/** Remembers one exhaustion (when `err` is one); true when it was. */
export function noteFdExhaustion(err: unknown, now = Date.now()): boolean {
  if (!isFdExhaustion(err)) return false;
  if (counted.has(err as object)) return true;
  counted.add(err as object);
  seen.push(now);
  if (seen.length > 10_000) seen.splice(0, seen.length - 10_000);
  return true;
}

/** How many exhaustions this process met in the last `windowMs`, and the last one. */
export function recentFdExhaustion(now = Date.now(), windowMs = FD_ERROR_WINDOW_MS): { count: number; last: Date | null } {
  while (seen.length > 0 && seen[0] < now - windowMs) seen.shift();
  return { count: seen.length, last: seen.length ? new Date(seen[seen.length - 1]) : null };
}

/** This process's open descriptors and their soft limit (Linux /proc; null elsewhere or when none is left to look). */
export function fdUsage(): { open: number | null; limit: number | null } {
  let open: number | null = null;
  try {
    open = readdirSync('/proc/self/fd').length - 1; // minus the descriptor reading the folder
  } catch (err) {
    noteFdExhaustion(err);
  }
  let limit: number | null = null;
  try {
    const m = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    limit = m ? Number(m[1]) : null;
  } catch (err) {
    noteFdExhaustion(err);
  }
  return { open, limit };
}
