// Admin management of accounts: list, add, change role, disable, delete. The last admin who can
// sign in is protected (last-admin.ts).
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { hashPassword } from '@/lib/auth/password';
import { accountInviteLink, type AccountInviteLink } from './account-invite';
import { assertInvitesOn } from './invites';
import { assertNotLastAdmin } from './last-admin';
import { uniqueViolation } from './unique-violation';
import { emailSchema, NO_PASSWORD, passwordSchema, toAdminUserView, usernameSchema, type AdminUserView } from './user-view';

export const adminUserUpdateSchema = z
  .object({
    role: z.enum(['admin', 'user']).optional(),
    disabled: z.boolean().optional(),
    can_upload: z.boolean().optional().describe('May this user upload videos (admins always may)'),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined || v.can_upload !== undefined, 'Give a role, disabled or can_upload.');

export const adminUserCreateSchema = z.object({
  username: usernameSchema,
  password: passwordSchema.optional().describe('Leave out to get an invite link the new user opens to choose a password'),
  email: emailSchema.optional(),
  role: z.enum(['admin', 'user']).default('user'),
});

export const accountInviteSchema = z.object({
  code: z.string(),
  url: z.string().describe('The sign-up page with this invite; it opens as “choose your password” for this account'),
  expires_at: z.string(),
});

export type CreatedUser = AdminUserView & { invite: AccountInviteLink | null };

const withHash = { omit: { passwordHash: false } } as const;

export async function listUsers(): Promise<AdminUserView[]> {
  const users = await db.user.findMany({ orderBy: { createdAt: 'asc' }, ...withHash });
  return users.map(toAdminUserView);
}

export async function addUser(input: z.infer<typeof adminUserCreateSchema>): Promise<CreatedUser> {
  if (input.password === undefined) await assertInvitesOn();
  const passwordHash = input.password === undefined ? NO_PASSWORD : await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { username: input.username, email: input.email ?? null, role: input.role, passwordHash },
      ...withHash,
    });
    return { ...toAdminUserView(user), invite: input.password === undefined ? accountInviteLink(user.id) : null };
  } catch (err) {
    throw uniqueViolation(err) ?? err;
  }
}

export async function updateUserByAdmin(id: string, input: z.infer<typeof adminUserUpdateSchema>): Promise<AdminUserView> {
  const target = await db.user.findUnique({ where: { id } });
  if (!target) throw new ApiError('not_found', 'No such user.');
  if (input.role === 'user') await assertNotLastAdmin(id, 'demote');
  if (input.disabled === true) await assertNotLastAdmin(id, 'disable');
  const user = await db.user.update({ where: { id }, data: { role: input.role, disabled: input.disabled, canUpload: input.can_upload }, ...withHash });
  if (input.disabled) {
    await db.apiSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
  }
  return toAdminUserView(user);
}

/** Deletes an account and, by cascade, its sessions, keys and watch data. */
export async function deleteUserByAdmin(id: string): Promise<void> {
  const target = await db.user.findUnique({ where: { id }, select: { id: true } });
  if (!target) throw new ApiError('not_found', 'No such user.');
  await assertNotLastAdmin(id, 'delete');
  await db.user.delete({ where: { id } });
}

/** A fresh invite link for an account that still has no password. */
export async function reissueAccountInvite(id: string): Promise<AccountInviteLink> {
  const user = await db.user.findUnique({ where: { id }, ...withHash });
  if (!user) throw new ApiError('not_found', 'No such user.');
  if (user.passwordHash !== NO_PASSWORD) throw new ApiError('conflict', 'This user has already chosen a password.');
  await assertInvitesOn();
  return accountInviteLink(user.id);
}
