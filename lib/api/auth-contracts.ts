import { z } from 'zod';
import { LOGIN_THROTTLE_DESCRIPTION } from '@/lib/auth/login-throttle';
import { defineContract } from '@/lib/http/contract';
import { registerSchema } from '@/lib/users/register-user';
import { userSchema } from '@/lib/users/user-view';

const tokenSchema = z.object({ token: z.string(), expires_at: z.string().describe('ISO 8601 time the token stops working') });

export const createSessionContract = defineContract({
  method: 'POST',
  path: '/api/v1/auth/session',
  access: 'public',
  summary: 'Sign in and get a bearer token',
  description: LOGIN_THROTTLE_DESCRIPTION,
  tags: ['auth'],
  body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
  response: { status: 201, description: 'A new session token', schema: tokenSchema },
  errors: ['invalid_credentials', 'account_disabled', 'too_many_requests', 'validation_failed'],
});

export const refreshSessionContract = defineContract({
  demo: 'allow',
  method: 'POST',
  path: '/api/v1/auth/refresh',
  access: 'user',
  summary: 'Exchange a session token for a fresh one (the old one is revoked)',
  tags: ['auth'],
  response: { status: 200, description: 'A new session token', schema: tokenSchema },
  errors: ['unauthorized', 'forbidden'],
});

export const deleteSessionContract = defineContract({
  demo: 'allow',
  method: 'DELETE',
  path: '/api/v1/auth/session',
  access: 'user',
  scopes: ['full', 'read', 'scanner'],
  summary: 'Sign out: revoke the session used for this request',
  description: 'Revokes the bearer session token, or the browser session when called with the session cookie (the cookie is cleared too). An API key is not a session: revoke it under /api/v1/user/api-keys.',
  tags: ['auth'],
  response: { status: 204, description: 'Revoked' },
  errors: ['unauthorized'],
});

export const deleteAllSessionsContract = defineContract({
  method: 'DELETE',
  path: '/api/v1/auth/sessions',
  access: 'user',
  summary: 'Sign out everywhere: revoke every session of the signed-in user',
  description:
    'Ends every browser sign-in and bearer session token of the user, including the one making this request. ' +
    'Personal API keys are not sessions and keep working (revoke them one by one).',
  tags: ['auth'],
  response: { status: 204, description: 'All sessions revoked' },
  errors: ['unauthorized'],
});

export const registerContract = defineContract({
  method: 'POST',
  path: '/api/v1/user/register',
  access: 'public',
  summary: 'Create an account (the first account becomes admin)',
  description:
    'After the first account, the admin settings decide: `registration` open lets anyone sign up; otherwise an `invite` is needed — ' +
    'an invite code, or the invite link of an account an admin added without a password (then `username` must be that account’s, and ' +
    'this sets its password). Invites work in every mode unless an admin turned them off. Limited per client address (by default ' +
    '10 an hour, THROTTLE_REGISTER_PER_IP): 429 with Retry-After.',
  tags: ['user'],
  body: registerSchema,
  response: { status: 201, description: 'The new account', schema: userSchema },
  errors: ['validation_failed', 'username_taken', 'email_taken', 'registration_closed', 'invite_required', 'invites_disabled', 'too_many_requests'],
});

export const demoSessionContract = defineContract({
  method: 'POST',
  path: '/api/v1/auth/demo',
  access: 'public',
  summary: 'Sign in as the read-only demo account (when an admin turned the demo on)',
  description:
    'Gives a bearer token like `POST /api/v1/auth/session` does (browsers get the same account as a cookie session from the sign-in ' +
    'page\'s "Try the demo"). The demo account browses and plays; every other write is 403 demo_read_only. Its resume points are ' +
    'reset daily. 404 demo_disabled while the demo is off (the default). Limited per client address (by default 30 an hour, ' +
    'THROTTLE_DEMO_PER_IP): 429 with Retry-After.',
  tags: ['auth'],
  response: { status: 201, description: 'A new session token for the demo account', schema: tokenSchema },
  errors: ['demo_disabled', 'account_disabled', 'too_many_requests'],
});
