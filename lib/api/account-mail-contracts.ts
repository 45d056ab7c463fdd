// Account flows that go through mail: activation, password reset, email change; and the outbox.
import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { outboxQuerySchema, outboxSchema } from '@/lib/mail/outbox';
import { emailSchema, passwordSchema, userSchema } from '@/lib/users/user-view';

const tokenBody = z.object({ token: z.string().min(1).max(200).describe('The token from the link in the mail') });
const messageSchema = z.object({ message: z.string() });
const emailBody = z.object({ email: emailSchema });

export const activateAccountContract = defineContract({
  method: 'POST',
  path: '/api/v1/user/activate',
  access: 'public',
  summary: 'Activate an account with the token from its activation mail',
  description: 'The link `${PUBLIC_URL}/activate?token=…` opens a page that calls this. Works once; expires after ACTIVATION_TOKEN_HOURS.',
  tags: ['user'],
  body: tokenBody,
  response: { status: 200, description: 'Activated: the account can sign in', schema: z.object({ username: z.string() }) },
  errors: ['invalid_token'],
});

export const resendActivationContract = defineContract({
  method: 'POST',
  path: '/api/v1/user/activate/resend',
  access: 'public',
  summary: 'Mail a new activation link',
  description:
    'Always 202 with the same answer, whether or not an inactive account has this email. ' +
    'Limited per client address (by default 10 in 15 minutes, THROTTLE_ACTIVATION_RESEND_PER_IP) and per email (3 an hour, ' +
    'THROTTLE_ACTIVATION_RESEND_PER_EMAIL): 429 with Retry-After.',
  tags: ['user'],
  body: emailBody,
  response: { status: 202, description: 'Accepted', schema: messageSchema },
  errors: ['too_many_requests'],
});

export const requestPasswordResetContract = defineContract({
  method: 'POST',
  path: '/api/v1/user/password-reset',
  access: 'public',
  summary: 'Mail a password reset link',
  description:
    'Always 202 with the same answer: it never says whether an account has this email. The link ' +
    '`${PUBLIC_URL}/reset-password?token=…` works once and expires after PASSWORD_RESET_TOKEN_MINUTES. ' +
    'Limited per client address (by default 10 in 15 minutes, THROTTLE_PASSWORD_RESET_PER_IP) and per email (3 an hour, ' +
    'THROTTLE_PASSWORD_RESET_PER_EMAIL): 429 with Retry-After.',
  tags: ['user'],
  body: emailBody,
  response: { status: 202, description: 'Accepted', schema: messageSchema },
  errors: ['too_many_requests'],
});

export const confirmPasswordResetContract = defineContract({
  method: 'POST',
  path: '/api/v1/user/password-reset/confirm',
  access: 'public',
  summary: 'Set a new password with the token from the reset mail',
  description: 'Every session token of the account is revoked. An account still waiting for activation is activated (the link proves the address).',
  tags: ['user'],
  body: tokenBody.extend({ password: passwordSchema }),
  response: { status: 200, description: 'The password is set', schema: z.object({ username: z.string() }) },
  errors: ['invalid_token'],
});

export const requestEmailChangeContract = defineContract({
  method: 'POST',
  path: '/api/v1/user/email',
  access: 'user',
  summary: 'Change the account’s email: a confirmation link is mailed to the new address',
  description: 'The address changes only when the link (`${PUBLIC_URL}/confirm-email?token=…`) is opened.',
  tags: ['user'],
  body: emailBody,
  response: { status: 202, description: 'The confirmation mail is on its way', schema: messageSchema },
  errors: ['email_taken', 'conflict'],
});

export const confirmEmailChangeContract = defineContract({
  method: 'POST',
  path: '/api/v1/user/email/confirm',
  access: 'public',
  summary: 'Confirm a new email address with the token from the confirmation mail',
  tags: ['user'],
  body: tokenBody,
  response: { status: 200, description: 'The account, with its new address', schema: userSchema },
  errors: ['invalid_token', 'email_taken'],
});

export const listOutboxContract = defineContract({
  method: 'GET',
  path: '/api/v1/admin/outbox',
  access: 'admin',
  summary: 'Mail sent, failed, waiting, or kept (no SMTP_URL), newest first',
  tags: ['admin'],
  query: outboxQuerySchema,
  response: { status: 200, description: 'The outbox', schema: outboxSchema },
});
