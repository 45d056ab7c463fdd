// Changing the account's email: the new address gets a single-use link, and only opening it
// changes the address (so nobody can put an address they do not own on an account).
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { emailChangeMail } from '@/lib/mail/mail-templates';
import { sendMail } from '@/lib/mail/outbox';
import { consumeMailToken, issueMailToken } from './mail-tokens';
import { uniqueViolation } from './unique-violation';
import { toUserView, type UserView } from './user-view';

export const EMAIL_CHANGE_ANSWER = { message: 'A confirmation link is on its way to the new address. The address changes once it is opened.' };

export async function requestEmailChange(userId: string, email: string): Promise<typeof EMAIL_CHANGE_ANSWER> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new ApiError('not_found', 'No such account.');
  if (user.email === email) throw new ApiError('conflict', 'This is already your email address.');
  const owner = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (owner) throw new ApiError('email_taken', 'Another account uses this email address.');
  const token = await issueMailToken(user.id, 'email_change', config().mail.activationTtlMs, email);
  await sendMail('email_change', email, emailChangeMail(user.username, token));
  return EMAIL_CHANGE_ANSWER;
}

export async function confirmEmailChange(token: string): Promise<UserView> {
  const { userId, email } = await consumeMailToken(token, 'email_change');
  if (!email) throw new ApiError('invalid_token', 'This link is unknown, already used or expired. Ask for a new one.');
  try {
    return toUserView(await db.user.update({ where: { id: userId }, data: { email } }));
  } catch (err) {
    throw uniqueViolation(err) ?? err;
  }
}
