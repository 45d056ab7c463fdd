// The invite link of an account an admin added without a password: it lets its owner choose one.
// The link is signed (HMAC with AUTH_SECRET) over the account, an expiry and the account's current
// password hash, so it needs no table, and it stops working once a password is set.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { INVITE_TTL_MS } from './invites';
import { NO_PASSWORD } from './user-view';

export const ACCOUNT_INVITE_PREFIX = 'mq_a_';

export interface AccountInviteLink {
  code: string;
  url: string;
  expires_at: string;
}

function sign(userId: string, expires: number, passwordHash: string): string {
  return createHmac('sha256', config().auth.secret).update(`account-invite\n${userId}\n${expires}\n${passwordHash}`).digest('base64url');
}

export function isAccountInvite(code: string): boolean {
  return code.startsWith(ACCOUNT_INVITE_PREFIX);
}

export function accountInviteLink(userId: string, now = Date.now()): AccountInviteLink {
  const expires = now + INVITE_TTL_MS;
  const code = `${ACCOUNT_INVITE_PREFIX}${Buffer.from(userId).toString('base64url')}.${expires.toString(36)}.${sign(userId, expires, NO_PASSWORD)}`;
  return { code, url: `${config().publicUrl}/register?invite=${encodeURIComponent(code)}`, expires_at: new Date(expires).toISOString() };
}

/** The account an account-invite code is for, while it is valid; null when it is not. */
export async function findInvitedAccount(code: string, now = Date.now()): Promise<{ id: string; username: string } | null> {
  const m = /^mq_a_([A-Za-z0-9_-]+)\.([0-9a-z]+)\.([A-Za-z0-9_-]+)$/.exec(code);
  if (!m) return null;
  const userId = Buffer.from(m[1], 'base64url').toString();
  const expires = parseInt(m[2], 36);
  if (!Number.isFinite(expires) || expires < now) return null;
  const user = await db.user.findUnique({ where: { id: userId }, omit: { passwordHash: false } });
  if (!user || user.disabled || user.passwordHash !== NO_PASSWORD) return null;
  const expected = Buffer.from(sign(userId, expires, user.passwordHash));
  const given = Buffer.from(m[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { id: user.id, username: user.username };
}

/** Sets the password of the invited account (and its email, when given); the link then expires. */
export async function claimInvitedAccount(code: string, input: { username: string; passwordHash: string; email?: string }) {
  const account = await findInvitedAccount(code);
  if (!account) throw new ApiError('invite_required', 'This invite link is unknown, used or expired: ask the admin for a new one.');
  if (account.username !== input.username) {
    throw new ApiError('invite_required', `This invite is for the username "${account.username}".`, {
      fields: [{ path: 'body.username', message: `This invite is for "${account.username}".` }],
    });
  }
  // Only while the account still has no password: of two racing claims, one wins.
  const { count } = await db.user.updateMany({
    where: { id: account.id, passwordHash: NO_PASSWORD },
    data: { passwordHash: input.passwordHash, ...(input.email ? { email: input.email } : {}) },
  });
  if (count !== 1) throw new ApiError('invite_required', 'This invite link has already been used.');
  return db.user.findUniqueOrThrow({ where: { id: account.id } });
}
