// What a signed-in user does to their own account: read it, set up the profile, change password
// or email, delete it with everything that is theirs.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { requestEmailChange } from './email-change';
import { assertNotLastAdmin } from './last-admin';
import { uniqueViolation } from './unique-violation';
import { emailSchema, passwordSchema, toUserView, type UserView } from './user-view';

export const profileSetupSchema = z.object({
  name: z.string().trim().min(1).max(100),
  gender: z
    .string()
    .trim()
    .max(50)
    .transform((s) => s || null)
    .nullable()
    .optional()
    .describe('Free text, as you put it (empty or null: none); left out: unchanged'),
  avatar: z
    .union([z.url({ protocol: /^https?$/ }).max(2048), z.string().max(2048).regex(/^\/[^\s]*$/)], {
      error: 'Enter a web address (https://…) or a path on this server (/…).',
    })
    .nullable()
    .optional()
    .describe('A web address or a path on this server (an uploaded avatar is `/api/v1/image/<key>`, see PUT /api/v1/user/avatar); null: none; left out: unchanged'),
});

export const accountUpdateSchema = z.union([
  z.object({ password: z.string().min(1), new_password: passwordSchema }).strict(),
  z.object({ password: z.string().min(1), new_email: emailSchema }).strict(),
]);

export const accountDeleteSchema = z.object({ password: z.string().min(1) });

export async function getAccount(userId: string): Promise<UserView> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new ApiError('not_found', 'No such account.');
  return toUserView(user);
}

export async function setupProfile(userId: string, input: z.infer<typeof profileSetupSchema>): Promise<UserView> {
  // Left-out fields stay: a client that sets only the name keeps an uploaded avatar.
  const data = { name: input.name, ...(input.gender !== undefined ? { gender: input.gender } : {}), ...(input.avatar !== undefined ? { avatar: input.avatar } : {}) };
  const user = await db.user.update({ where: { id: userId }, data });
  return toUserView(user);
}

async function assertPassword(userId: string, password: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, omit: { passwordHash: false } });
  if (!user) throw new ApiError('not_found', 'No such account.');
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new ApiError('wrong_password', 'The current password is wrong.');
  }
}

/**
 * `currentSessionId`: the session (browser or bearer) making the change. A new password ends every
 * other session of the user — a stolen cookie or token stops working — but not the one in use, so
 * changing it in Settings does not sign you out. API keys stay (they are revoked one by one).
 */
export async function updateAccount(userId: string, input: z.infer<typeof accountUpdateSchema>, currentSessionId?: string): Promise<UserView> {
  await assertPassword(userId, input.password);
  try {
    if ('new_password' in input) {
      const others = currentSessionId ? { id: { not: currentSessionId } } : {};
      const [user] = await db.$transaction([
        db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.new_password) } }),
        db.apiSession.updateMany({ where: { userId, revokedAt: null, ...others }, data: { revokedAt: new Date() } }),
      ]);
      return toUserView(user);
    }
    // A new address is confirmed by a link sent to it, as POST /api/v1/user/email does.
    await requestEmailChange(userId, input.new_email);
    return getAccount(userId);
  } catch (err) {
    throw uniqueViolation(err) ?? err;
  }
}

/** Deletes the account; its sessions, keys and watch data go with it by cascade. The last admin cannot. */
export async function deleteAccount(userId: string, password: string): Promise<void> {
  await assertPassword(userId, password);
  await assertNotLastAdmin(userId, 'delete');
  await db.user.delete({ where: { id: userId } });
}
