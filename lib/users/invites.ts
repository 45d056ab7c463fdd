// Invite codes: made by admins, single use, expiring. They let someone sign up in every
// registration mode (open, invite, closed) unless an admin turned invites off.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { hashSecret, newSecret } from '@/lib/auth/secret-token';
import { getSetting } from '@/lib/settings/settings';

export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
export const inviteSchema = z.object({ code: z.string(), expires_at: z.string() });

export async function assertInvitesOn(): Promise<void> {
  if (!(await getSetting('invites'))) {
    throw new ApiError('invites_disabled', 'Invites are turned off on this server. An admin can turn them on under Admin → Users.');
  }
}

export async function createInvite(createdById: string): Promise<z.infer<typeof inviteSchema>> {
  await assertInvitesOn();
  const code = newSecret('invite');
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  await db.invite.create({ data: { codeHash: hashSecret(code), createdById, expiresAt } });
  return { code, expires_at: expiresAt.toISOString() };
}

/** Marks an invite used by `username`; throws invite_required when missing, used or expired. */
export async function consumeInvite(code: string | undefined, username: string): Promise<void> {
  if (!code) throw new ApiError('invite_required', 'Sign-up on this server needs an invite code: ask the admin for one.');
  const { count } = await db.invite.updateMany({
    where: { codeHash: hashSecret(code), usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date(), usedBy: username },
  });
  if (count !== 1) throw new ApiError('invite_required', 'This invite code is unknown, used or expired: ask the admin for a new one.');
}
