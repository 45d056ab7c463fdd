// Admin management of accounts: list, change role, disable. The last active admin is protected.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/http/api-error';
import { toUserView, type UserView } from './user-view';

export const adminUserUpdateSchema = z
  .object({ role: z.enum(['admin', 'user']).optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, 'give role or disabled');

export async function listUsers(): Promise<UserView[]> {
  const users = await db.user.findMany({ orderBy: { createdAt: 'asc' } });
  return users.map(toUserView);
}

export async function updateUserByAdmin(id: string, input: z.infer<typeof adminUserUpdateSchema>): Promise<UserView> {
  const target = await db.user.findUnique({ where: { id } });
  if (!target) throw new ApiError('not_found', 'No such user.');
  const losesAdmin = target.role === 'admin' && !target.disabled && (input.role === 'user' || input.disabled === true);
  if (losesAdmin) {
    const activeAdmins = await db.user.count({ where: { role: 'admin', disabled: false } });
    if (activeAdmins <= 1) throw new ApiError('conflict', 'This is the last active admin: promote someone else first.');
  }
  const user = await db.user.update({ where: { id }, data: { role: input.role, disabled: input.disabled } });
  if (input.disabled) {
    await db.apiSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
  }
  return toUserView(user);
}
