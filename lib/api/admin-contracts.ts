import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { serverSettingsSchema } from '@/lib/settings/settings';
import { adminUserUpdateSchema } from '@/lib/users/admin-users';
import { inviteSchema } from '@/lib/users/invites';
import { userSchema } from '@/lib/users/user-view';

export const listUsersContract = defineContract({
  method: 'GET',
  path: '/api/v1/admin/users',
  access: 'admin',
  summary: 'List every account',
  tags: ['admin'],
  response: { status: 200, description: 'Accounts', schema: z.array(userSchema) },
});

export const updateUserContract = defineContract({
  method: 'PATCH',
  path: '/api/v1/admin/users/{id}',
  access: 'admin',
  summary: "Change a user's role or disable the account",
  description: 'Disabling revokes the account’s session tokens. The last active admin cannot be demoted or disabled (409).',
  tags: ['admin'],
  params: z.object({ id: z.string().min(1) }),
  body: adminUserUpdateSchema,
  response: { status: 200, description: 'The account', schema: userSchema },
  errors: ['not_found', 'conflict'],
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
  summary: 'Change server settings (registration: open, closed, invite)',
  tags: ['admin'],
  body: serverSettingsSchema.partial(),
  response: { status: 200, description: 'Settings', schema: serverSettingsSchema },
});

export const createInviteContract = defineContract({
  method: 'POST',
  path: '/api/v1/admin/invites',
  access: 'admin',
  summary: 'Create a single-use invite code (valid 7 days)',
  tags: ['admin'],
  response: { status: 201, description: 'The invite code, shown once', schema: inviteSchema },
});
