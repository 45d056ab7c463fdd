// "Forgot password?": a single-use, expiring link mailed to the account's address; opening it
// sets a new password and ends every session of the account. The request's answer never says
// whether the address belongs to an account.
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { endAllSessionsOf } from '@/lib/auth/end-user-sessions';
import { takeThrottledHit } from '@/lib/auth/request-throttle';
import { passwordResetMail } from '@/lib/mail/mail-templates';
import { sendMail } from '@/lib/mail/outbox';
import { consumeMailToken, issueMailToken } from './mail-tokens';

export const RESET_ANSWER = {
  message: 'If an account has this email address, a link to reset its password is on its way.',
};

export async function requestPasswordReset(email: string, ip: string): Promise<typeof RESET_ANSWER> {
  const limits = config().throttle.passwordReset;
  await takeThrottledHit([
    { key: `reset:ip:${ip}`, ...limits.perIp },
    { key: `reset:email:${email}`, ...limits.perEmail },
  ]);
  const user = await db.user.findUnique({ where: { email } });
  if (user?.email && !user.disabled && !user.demo) {
    const token = await issueMailToken(user.id, 'password_reset', config().mail.passwordResetTtlMs);
    await sendMail('password_reset', user.email, passwordResetMail(user.username, token));
  }
  return RESET_ANSWER;
}

/**
 * Sets the new password and signs the account out everywhere. The link proves the mailbox is the
 * owner's, so an account still waiting for activation is activated too.
 */
export async function confirmPasswordReset(token: string, password: string): Promise<{ username: string }> {
  const passwordHash = await hashPassword(password);
  const { userId } = await consumeMailToken(token, 'password_reset');
  const user = await db.user.update({ where: { id: userId }, data: { passwordHash, active: true } });
  await endAllSessionsOf(userId);
  return { username: user.username };
}
