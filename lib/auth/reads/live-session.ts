// The live session behind a Bearer token, with its user: read on every Bearer request, so one raw
// read past Prisma (lib/db.ts).
import { queryRows, rawBool, rawDate, sql, type RawDate, type Role } from '@/lib/db';
import { hashSecret } from '../secret-token';

type LiveSessionRow = { id: string; revokedAt: RawDate; expiresAt: RawDate; lastUsedAt: RawDate; userId: string; username: string; role: Role; disabled: boolean | number; demo: boolean | number };

export type LiveSession = { id: string; lastUsedAt: Date | null; user: { id: string; username: string; role: Role; disabled: boolean; demo: boolean } };

function liveSessionView(row: LiveSessionRow | undefined, now: number): LiveSession | null {
  if (!row || row.revokedAt !== null || rawDate(row.expiresAt)!.getTime() <= now) return null;
  return { id: row.id, lastUsedAt: rawDate(row.lastUsedAt), user: { id: row.userId, username: row.username, role: row.role, disabled: rawBool(row.disabled), demo: rawBool(row.demo) } };
}

/** The live session behind a token (with its user), or null when unknown, expired or revoked. */
export async function findLiveSession(token: string): Promise<LiveSession | null> {
  const [row] = await queryRows<LiveSessionRow>(sql`
    SELECT s."id", s."revokedAt", s."expiresAt", s."lastUsedAt", u."id" AS "userId", u."username", u."role", u."disabled", u."demo"
    FROM "ApiSession" s JOIN "User" u ON u."id" = s."userId" WHERE s."tokenHash" = ${hashSecret(token)}`);
  return liveSessionView(row, Date.now());
}
