// Creates an account. The very first account becomes the admin (first-run setup); after that the
// admin's settings decide: open sign-up, or an invite (a code, or the link of an account an admin
// added without a password) in every mode unless invites are turned off.
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { hashPassword } from '@/lib/auth/password';
import { takeThrottledHit } from '@/lib/auth/request-throttle';
import { getServerSettings } from '@/lib/settings/settings';
import { claimInvitedAccount, isAccountInvite } from './account-invite';
import { sendActivationMail } from './email-activation';
import { assertInvitesOn, consumeInvite } from './invites';
import { uniqueViolation } from './unique-violation';
import { emailSchema, passwordSchema, toUserView, usernameSchema, type UserView } from './user-view';

export const registerSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  email: emailSchema.optional(),
  invite: z.string().optional().describe('An invite code (mq_i_…), or the code of an added account’s invite link (mq_a_…)'),
});
export type RegisterInput = z.infer<typeof registerSchema>;

const FIRST_ADMIN_LOCK = 'setup.first_admin';

export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/** A sign-up sent by a client: throttled per client address (THROTTLE_REGISTER_PER_IP) before any work is done. */
export async function registerFromClient(input: RegisterInput, ip: string): Promise<UserView> {
  await takeThrottledHit([{ key: `register:ip:${ip}`, ...config().throttle.register.perIp }]);
  return registerUser(input);
}

export async function registerUser(input: RegisterInput): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  const data = { username: input.username, email: input.email ?? null, passwordHash };
  try {
    if (!(await hasAnyUser())) {
      const first = await createFirstAdmin(data);
      if (first) return first;
    }
    const invite = input.invite?.trim() || undefined;
    const settings = await getServerSettings();
    if (invite && isAccountInvite(invite)) {
      await assertInvitesOn();
      return toUserView(await claimInvitedAccount(invite, { username: input.username, passwordHash, email: input.email }));
    }
    // Open sign-up needs no code, so a code given there is left unused.
    const needsInvite = settings.registration !== 'open';
    if (needsInvite) {
      if (!invite && settings.registration === 'closed') {
        throw new ApiError('registration_closed', 'Sign-up is closed on this server: ask the admin for an account or an invite.');
      }
      await assertInvitesOn();
    }
    // With email activation on, a self-registered account proves its address before it can sign in.
    const activation = settings.email_activation === 'required';
    if (activation && !input.email) {
      throw new ApiError('validation_failed', 'This server activates new accounts by email: enter your email address.', {
        fields: [{ path: 'body.email', message: 'Enter your email address: the activation link is sent there.' }],
      });
    }
    const existing = await db.user.findUnique({ where: { username: input.username }, select: { id: true } });
    if (existing) throw new ApiError('username_taken', 'An account with this username already exists.');
    if (needsInvite) await consumeInvite(invite, input.username);
    const user = await db.user.create({ data: { ...data, role: 'user', active: !activation } });
    if (activation && user.email) await sendActivationMail({ id: user.id, username: user.username, email: user.email });
    return toUserView(user);
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
