// Invite codes for invite-only registration: made by admins, single use, expiring.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/http/api-error';
import { hashSecret, newSecret } from '@/lib/auth/secret-token';

export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
export const inviteSchema = z.object({ code: z.string(), expires_at: z.string() });

export async function createInvite(createdById: string): Promise<z.infer<typeof inviteSchema>> {
  const code = newSecret('invite');
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  await db.invite.create({ data: { codeHash: hashSecret(code), createdById, expiresAt } });
  return { code, expires_at: expiresAt.toISOString() };
}

/** Marks an invite used by `username`; throws invite_required when missing, used or expired. */
export async function consumeInvite(code: string | undefined, username: string): Promise<void> {
  if (!code) throw new ApiError('invite_required', 'Registration is by invite only: an invite code is required.');
  const { count } = await db.invite.updateMany({
    where: { codeHash: hashSecret(code), usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date(), usedBy: username },
  });
  if (count !== 1) throw new ApiError('invite_required', 'The invite code is unknown, used or expired.');
}
