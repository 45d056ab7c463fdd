// Email activation (admin setting email_activation = required): a self-registered account starts
// inactive, gets a single-use link by mail, and can sign in once the link is opened.
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { takeThrottledHit } from '@/lib/auth/request-throttle';
import { activationMail } from '@/lib/mail/mail-templates';
import { sendMail } from '@/lib/mail/outbox';
import { consumeMailToken, issueMailToken } from './mail-tokens';

export const RESEND_ANSWER = {
  message: 'If an account with this email waits for activation, a new activation link is on its way.',
};

export async function sendActivationMail(user: { id: string; username: string; email: string }): Promise<void> {
  const token = await issueMailToken(user.id, 'activation', config().mail.activationTtlMs);
  await sendMail('activation', user.email, activationMail(user.username, token));
}

/** Opens an activation link: the account can sign in from now on. */
export async function activateAccount(token: string): Promise<{ username: string }> {
  const { userId } = await consumeMailToken(token, 'activation');
  const user = await db.user.update({ where: { id: userId }, data: { active: true } });
  return { username: user.username };
}

/** Mails a fresh link to an inactive account with this email; the answer is the same either way. */
export async function resendActivation(email: string, ip: string): Promise<typeof RESEND_ANSWER> {
  const limits = config().throttle.activationResend;
  await takeThrottledHit([
    { key: `activate:ip:${ip}`, ...limits.perIp },
    { key: `activate:email:${email}`, ...limits.perEmail },
  ]);
  const user = await db.user.findUnique({ where: { email } });
  if (user && !user.active && !user.disabled && user.email) await sendActivationMail({ id: user.id, username: user.username, email: user.email });
  return RESEND_ANSWER;
}
