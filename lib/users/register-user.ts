// Creates an account. The very first account becomes the admin (first-run setup); after that the
// admin's registration setting decides: open, closed, or invite-only.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/http/api-error';
import { hashPassword } from '@/lib/auth/password';
import { getSetting } from '@/lib/settings/settings';
import { consumeInvite } from './invites';
import { uniqueViolation } from './unique-violation';
import { emailSchema, passwordSchema, toUserView, usernameSchema, type UserView } from './user-view';

export const registerSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  email: emailSchema.optional(),
  invite: z.string().optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

const FIRST_ADMIN_LOCK = 'setup.first_admin';

export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.count()) > 0;
}

export async function registerUser(input: RegisterInput): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  const data = { username: input.username, email: input.email ?? null, passwordHash };
  try {
    if (!(await hasAnyUser())) {
      const first = await createFirstAdmin(data);
      if (first) return first;
    }
    const mode = await getSetting('registration');
    if (mode === 'closed') throw new ApiError('registration_closed', 'Registration is closed: ask the admin for an account.');
    const existing = await db.user.findUnique({ where: { username: input.username }, select: { id: true } });
    if (existing) throw new ApiError('username_taken', 'An account with this username already exists.');
    if (mode === 'invite') await consumeInvite(input.invite, input.username);
    return toUserView(await db.user.create({ data: { ...data, role: 'user' } }));
  } catch (err) {
    throw uniqueViolation(err) ?? err;
  }
}

/** The lock row makes "first account" atomic: of two racing sign-ups only one becomes admin. */
async function createFirstAdmin(data: { username: string; email: string | null; passwordHash: string }): Promise<UserView | null> {
  try {
    const [, user] = await db.$transaction([
      db.setting.create({ data: { key: FIRST_ADMIN_LOCK, value: data.username } }),
      db.user.create({ data: { ...data, role: 'admin' } }),
    ]);
    return toUserView(user);
  } catch (err) {
    const e = err as { code?: string; meta?: unknown };
    if (e.code === 'P2002' && JSON.stringify(e.meta ?? {}).includes('key')) return null;
    throw err;
  }
}
