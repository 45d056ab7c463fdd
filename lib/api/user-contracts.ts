import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { apiKeySchema, createApiKeySchema } from '@/lib/auth/api-keys';
import { accountDeleteSchema, accountUpdateSchema, profileSetupSchema } from '@/lib/users/account';
import { AVATAR_MAX_BYTES, AVATAR_TYPES } from '@/lib/users/avatar';
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
  summary: 'Set display name, gender and avatar',
  description: 'Dim-compatible (`{name, gender, avatar}`). `avatar` is a URL or a path; to upload a picture use PUT /api/v1/user/avatar. A field left out keeps its value.',
  tags: ['user'],
  body: profileSetupSchema,
  response: { status: 200, description: 'The account', schema: userSchema },
});

const avatarUpload = {
  contentTypes: AVATAR_TYPES,
  maxBytes: AVATAR_MAX_BYTES,
  description: 'The image file itself, at most 2 MiB. Its bytes must be the type its Content-Type says.',
};

export const putAvatarContract = defineContract({
  method: 'PUT',
  path: '/api/v1/user/avatar',
  access: 'user',
  summary: 'Upload an avatar (PNG, JPEG or WebP, at most 2 MiB)',
  description:
    'The body is the image (Content-Type image/png, image/jpeg or image/webp). The bytes are checked against the type (a renamed file is 415 unsupported_image), ' +
    're-encoded as WebP at 64, 128 and 256 px, and stored under a name the server makes; `avatar` becomes its `/api/v1/image/<key>` URL, which signed-in users can load.',
  tags: ['user'],
  rawBody: avatarUpload,
  response: { status: 200, description: 'The account, with its new avatar URL', schema: userSchema },
  errors: ['unsupported_image', 'payload_too_large'],
});

export const postAvatarContract = defineContract({
  method: 'POST',
  path: '/api/v1/user/avatar',
  access: 'user',
  summary: "Upload an avatar as a form (Dim's way: multipart/form-data, the image in field `file`)",
  description: 'The same checks as PUT: the `file` part must be PNG, JPEG or WebP (its part Content-Type and its bytes agree), at most 2 MiB.',
  tags: ['user'],
  rawBody: { ...avatarUpload, contentTypes: ['multipart/form-data'] },
  response: { status: 200, description: 'The account, with its new avatar URL', schema: userSchema },
  errors: ['unsupported_image', 'payload_too_large', 'unsupported_media_type', 'validation_failed'],
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
