import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { apiKeySchema, createApiKeySchema } from '@/lib/auth/api-keys';
import { accountDeleteSchema, accountUpdateSchema, profileSetupSchema } from '@/lib/users/account';
import { userSchema } from '@/lib/users/user-view';

const idParams = z.object({ id: z.string().min(1) });

export const getAccountContract = defineContract({
  method: 'GET',
  path: '/api/v1/user',
  access: 'user',
  scopes: ['full', 'read', 'scanner', 'scrobble'],
  summary: 'The signed-in account',
  tags: ['user'],
  response: { status: 200, description: 'The account', schema: userSchema },
});

export const updateAccountContract = defineContract({
  method: 'PATCH',
  path: '/api/v1/user',
  access: 'user',
  summary: 'Change password or email (needs the current password)',
  description:
    'Changing the password ends every other session of the account (browser sign-ins and bearer tokens), keeping the one making the change; API keys stay. ' +
    'A `new_email` is not set at once: a confirmation link is mailed to it, and the address changes when the link is opened (as with POST /api/v1/user/email).',
  tags: ['user'],
  body: accountUpdateSchema,
  response: { status: 200, description: 'The account', schema: userSchema },
  errors: ['wrong_password', 'email_taken', 'conflict', 'validation_failed'],
});

export const deleteAccountContract = defineContract({
  method: 'DELETE',
  path: '/api/v1/user',
  access: 'user',
  summary: 'Delete the account and everything that is its own',
  description: 'The only active admin cannot delete their account (409 last_admin).',
  tags: ['user'],
  body: accountDeleteSchema,
  response: { status: 204, description: 'Deleted' },
  errors: ['wrong_password', 'last_admin'],
});

export const setupProfileContract = defineContract({
  method: 'POST',
  path: '/api/v1/user/setup',
  access: 'user',
  summary: 'Set display name and avatar',
  tags: ['user'],
  body: profileSetupSchema,
  response: { status: 200, description: 'The account', schema: userSchema },
});

export const listApiKeysContract = defineContract({
  method: 'GET',
  path: '/api/v1/user/api-keys',
  access: 'user',
  summary: 'List personal API keys (previews only)',
  tags: ['api-keys'],
  response: { status: 200, description: 'Keys', schema: z.array(apiKeySchema) },
});

export const createApiKeyContract = defineContract({
  method: 'POST',
  path: '/api/v1/user/api-keys',
  access: 'user',
  summary: 'Create a personal API key; the key is in this response only',
  description: 'Scopes: `full` (everything the account may do), `read` (GET only), `scanner` (remote-scanner operations).',
  tags: ['api-keys'],
  body: createApiKeySchema,
  response: { status: 201, description: 'The key, shown once', schema: apiKeySchema.extend({ key: z.string() }) },
});

export const revokeApiKeyContract = defineContract({
  method: 'DELETE',
  path: '/api/v1/user/api-keys/{id}',
  access: 'user',
  summary: 'Revoke a personal API key',
  tags: ['api-keys'],
  params: idParams,
  response: { status: 204, description: 'Revoked' },
  errors: ['not_found'],
});
