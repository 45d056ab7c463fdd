// Login throttling: 5 failures per username+IP within 15 minutes locks that pair out until the
// oldest of them leaves the window. Counted in the database so every web process sees the same.
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';

export const LOGIN_THROTTLE_DESCRIPTION = 'Five failed attempts for one username from one address within 15 minutes lock it for the rest of the window (429).';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export function throttleKey(username: string, ip: string): string {
  return `${username.trim().toLowerCase()}|${ip}`;
}

/** Throws 429 with Retry-After when the key is locked out. */
export async function assertNotThrottled(key: string, now = Date.now()): Promise<void> {
  const recent = await db.loginFailure.findMany({
    where: { key, createdAt: { gt: new Date(now - WINDOW_MS) } },
    orderBy: { createdAt: 'desc' },
    take: MAX_FAILURES,
    select: { createdAt: true },
  });
  if (recent.length < MAX_FAILURES) return;
  const oldest = recent[recent.length - 1].createdAt.getTime();
  const retryAfter = Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
  throw new ApiError('too_many_requests', `Too many failed sign-in attempts. Try again in ${retryAfter} seconds.`, {
    headers: { 'Retry-After': String(retryAfter) },
  });
}

export async function recordLoginFailure(key: string): Promise<void> {
  await db.loginFailure.create({ data: { key } });
}

export async function clearLoginFailures(key: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { key } });
}
