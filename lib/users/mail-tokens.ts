// Single-use links sent by mail (activation, password reset, email change): a random token in the
// link, only its SHA-256 hash stored, an expiry, and `usedAt` set atomically when it is spent.
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { hashSecret } from '@/lib/auth/secret-token';
import { randomBytes } from 'node:crypto';

export type MailTokenKind = 'activation' | 'password_reset' | 'email_change';

const PREFIX: Record<MailTokenKind, string> = { activation: 'mq_act_', password_reset: 'mq_pwr_', email_change: 'mq_eml_' };

/** Makes a token for the user; earlier unused tokens of the same kind stop working. */
export async function issueMailToken(userId: string, kind: MailTokenKind, ttlMs: number, email?: string): Promise<string> {
  const token = PREFIX[kind] + randomBytes(32).toString('base64url');
  const now = new Date();
  await db.$transaction([
    db.mailToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: now } }),
    db.mailToken.create({ data: { userId, kind, tokenHash: hashSecret(token), email: email ?? null, expiresAt: new Date(now.getTime() + ttlMs) } }),
  ]);
  return token;
}

const invalid = () => new ApiError('invalid_token', 'This link is unknown, already used or expired. Ask for a new one.');

/** Spends a token: returns its user (and new email) once; throws invalid_token when unknown, used or expired. */
export async function consumeMailToken(token: string, kind: MailTokenKind): Promise<{ userId: string; email: string | null }> {
  if (!token.startsWith(PREFIX[kind])) throw invalid();
  const row = await db.mailToken.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!row || row.kind !== kind || row.usedAt || row.expiresAt.getTime() <= Date.now()) throw invalid();
  // Only one request can flip usedAt from null: a link opened twice at once still works once.
  const { count } = await db.mailToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
  if (count !== 1) throw invalid();
  return { userId: row.userId, email: row.email };
}
