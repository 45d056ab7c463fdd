// The server must always keep one admin who can sign in: an active admin with a password. Every
// change that could take that away (demote, disable, delete) asks here first.
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { NO_PASSWORD } from './user-view';

type Change = 'demote' | 'disable' | 'delete';

const reasons: Record<Change, string> = {
  demote: 'This is the only admin: make another user admin before changing this role.',
  disable: 'This is the only admin: make another user admin before disabling this account.',
  delete: 'This is the only admin: make another user admin before deleting this account.',
};

const activeAdmin = { role: 'admin' as const, disabled: false, passwordHash: { not: NO_PASSWORD } };

/** Whether `userId` is the one active admin with a password (no other would be left without them). */
export async function isOnlyAdmin(userId: string): Promise<boolean> {
  const target = await db.user.findFirst({ where: { id: userId, ...activeAdmin }, select: { id: true } });
  if (!target) return false;
  return (await db.user.count({ where: { ...activeAdmin, id: { not: userId } } })) === 0;
}

/** Throws 409 last_admin when `userId` is the last active admin and `change` would remove them. */
export async function assertNotLastAdmin(userId: string, change: Change): Promise<void> {
  if (await isOnlyAdmin(userId)) throw new ApiError('last_admin', reasons[change]);
}
