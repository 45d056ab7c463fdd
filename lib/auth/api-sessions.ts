// Sessions: Bearer session tokens from POST /api/v1/auth/session, and browser sign-ins (the id kept
// inside the NextAuth cookie). Both are rows in ApiSession, stored hashed, so either can be revoked:
// a signed cookie alone cannot be taken back, a row can. Bearer tokens rotate on refresh.
import { db } from '@/lib/db';
import { hashSecret, newSecret } from './secret-token';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
/** A browser sign-in lasts as long as its cookie (NextAuth's maxAge). */
export const BROWSER_SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** lastUsedAt is written at most this often per session (one write per request would be too many). */
const LAST_USED_RESOLUTION_MS = 5 * 60 * 1000;

export interface IssuedToken {
  token: string;
  expires_at: string;
}

export async function createApiSession(userId: string, userAgent?: string | null): Promise<IssuedToken> {
  const token = newSecret('session');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.apiSession.create({
    data: { userId, tokenHash: hashSecret(token), expiresAt, userAgent: userAgent?.slice(0, 255) ?? null },
  });
  return { token, expires_at: expiresAt.toISOString() };
}

/** A browser sign-in: the returned id goes into the NextAuth JWT (encrypted), and is checked on every request. */
export async function createBrowserSession(userId: string, userAgent?: string | null): Promise<string> {
  const sid = newSecret('browserSession');
  await db.apiSession.create({
    data: { userId, tokenHash: hashSecret(sid), expiresAt: new Date(Date.now() + BROWSER_SESSION_TTL_MS), userAgent: userAgent?.slice(0, 255) ?? null },
  });
  return sid;
}

export async function revokeApiSession(sessionId: string): Promise<void> {
  await db.apiSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Revokes the session behind a token or browser session id (NextAuth's sign-out knows only that). */
export async function revokeSessionToken(token: string): Promise<void> {
  await db.apiSession.updateMany({ where: { tokenHash: hashSecret(token), revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session (browser and Bearer) of a user, but the one in `exceptId` when given. API keys stay. */
export async function revokeUserSessions(userId: string, exceptId?: string): Promise<number> {
  const { count } = await db.apiSession.updateMany({
    where: { userId, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

/** Notes that a session was used, at most once per LAST_USED_RESOLUTION_MS. */
export async function touchSession(sessionId: string, lastUsedAt: Date | null, now = Date.now()): Promise<void> {
  if (lastUsedAt && now - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  await db.apiSession.updateMany({ where: { id: sessionId }, data: { lastUsedAt: new Date(now) } });
}

/** Issues a fresh token and revokes the old one, atomically. */
export async function refreshApiSession(sessionId: string, userId: string): Promise<IssuedToken> {
  const token = newSecret('session');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.$transaction([
    db.apiSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } }),
    db.apiSession.create({ data: { userId, tokenHash: hashSecret(token), expiresAt } }),
  ]);
  return { token, expires_at: expiresAt.toISOString() };
}
