// Bearer session tokens from POST /api/v1/auth/session: stored hashed, revocable, rotated on refresh.
import { db } from '@/lib/db';
import { hashSecret, newSecret } from './secret-token';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

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

export async function revokeApiSession(sessionId: string): Promise<void> {
  await db.apiSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
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
