// Bearer session tokens from POST /api/v1/auth/session: stored hashed, revocable, rotated on refresh.
import { db, queryRows, rawBool, rawDate, sql, type RawDate, type Role } from '@/lib/db';
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

/** The live session behind a token (with its user), or null when unknown, expired or revoked. Read on every Bearer request: one raw read. */
export async function findLiveSession(token: string) {
  const [row] = await queryRows<{ id: string; revokedAt: RawDate; expiresAt: RawDate; userId: string; username: string; role: Role; disabled: boolean | number }>(sql`
    SELECT s."id", s."revokedAt", s."expiresAt", u."id" AS "userId", u."username", u."role", u."disabled"
    FROM "ApiSession" s JOIN "User" u ON u."id" = s."userId" WHERE s."tokenHash" = ${hashSecret(token)}`);
  if (!row || row.revokedAt !== null || rawDate(row.expiresAt)!.getTime() <= Date.now()) return null;
  return { id: row.id, user: { id: row.userId, username: row.username, role: row.role, disabled: rawBool(row.disabled) } };
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
