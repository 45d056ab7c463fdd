import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { serverSettingsSchema } from '@/lib/settings/settings';
import { accountInviteSchema, adminUserCreateSchema, adminUserUpdateSchema } from '@/lib/users/admin-users';
import { inviteSchema } from '@/lib/users/invites';
import { adminUserSchema } from '@/lib/users/user-view';

const idParams = z.object({ id: z.string().min(1) });

export const listUsersContract = defineContract({
  method: 'GET',
  path: '/api/v1/admin/users',
  access: 'admin',
  summary: 'List every account',
  tags: ['admin'],
  response: { status: 200, description: 'Accounts', schema: z.array(adminUserSchema) },
});

export const createUserContract = defineContract({
  method: 'POST',
  path: '/api/v1/admin/users',
  access: 'admin',
  summary: 'Add an account',
  description:
    'Works in every registration mode. With a `password` the account can sign in at once; without one the answer carries an ' +
    '`invite` link (valid 7 days) its owner opens to choose a password — unless invites are turned off (403 invites_disabled).',
  tags: ['admin'],
  body: adminUserCreateSchema,
  response: { status: 201, description: 'The new account, with its invite link when no password was given', schema: adminUserSchema.extend({ invite: accountInviteSchema.nullable() }) },
  errors: ['validation_failed', 'username_taken', 'email_taken', 'invites_disabled'],
});

export const updateUserContract = defineContract({
  method: 'PATCH',
  path: '/api/v1/admin/users/{id}',
  access: 'admin',
  summary: "Change a user's role, upload permission, or disable the account",
  description: 'Disabling revokes the account’s session tokens. The only active admin cannot be demoted or disabled (409 last_admin).',
  tags: ['admin'],
  params: idParams,
  body: adminUserUpdateSchema,
  response: { status: 200, description: 'The account', schema: adminUserSchema },
  errors: ['not_found', 'last_admin', 'validation_failed'],
});

export const deleteUserContract = defineContract({
  method: 'DELETE',
  path: '/api/v1/admin/users/{id}',
  access: 'admin',
  summary: 'Delete an account with its keys and watch data',
  description: 'The only active admin cannot be deleted (409 last_admin).',
  tags: ['admin'],
  params: idParams,
  response: { status: 204, description: 'Deleted' },
  errors: ['not_found', 'last_admin'],
});

export const reissueUserInviteContract = defineContract({
  method: 'POST',
  path: '/api/v1/admin/users/{id}/invite',
  access: 'admin',
  summary: 'A new invite link for an account that has no password yet',
  tags: ['admin'],
  params: idParams,
  response: { status: 201, description: 'The invite link', schema: accountInviteSchema },
  errors: ['not_found', 'conflict', 'invites_disabled'],
});

export const getSettingsContract = defineContract({
  method: 'GET',
  path: '/api/v1/admin/settings',
  access: 'admin',
  summary: 'Server settings',
  tags: ['admin'],
  response: { status: 200, description: 'Settings', schema: serverSettingsSchema },
});

export const updateSettingsContract = defineContract({
  method: 'PATCH',
  path: '/api/v1/admin/settings',
  access: 'admin',
  summary: 'Change server settings (registration: open, closed, invite; invites on or off)',
  description: 'Invite-only registration needs invites on (409 conflict otherwise).',
  tags: ['admin'],
  body: serverSettingsSchema.partial(),
  response: { status: 200, description: 'Settings', schema: serverSettingsSchema },
  errors: ['validation_failed', 'conflict'],
});

export const createInviteContract = defineContract({
  method: 'POST',
  path: '/api/v1/admin/invites',
  access: 'admin',
  summary: 'Create a single-use invite code (valid 7 days)',
  description: 'An invite lets someone sign up in every registration mode; refused while invites are turned off.',
  tags: ['admin'],
  response: { status: 201, description: 'The invite code, shown once', schema: inviteSchema },
  errors: ['invites_disabled'],
});
