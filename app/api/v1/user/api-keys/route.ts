// GET /api/v1/user/api-keys — list my keys (previews); POST — create one (shown once)
import { createApiKeyContract, listApiKeysContract } from '@/lib/api/user-contracts';
import { createApiKey, listApiKeys } from '@/lib/auth/api-keys';
import { handle, routes } from '@/lib/http/route';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(listApiKeysContract, ({ auth }) => listApiKeys(auth.user.id)),
  handle(createApiKeyContract, ({ auth, body }) => createApiKey(auth.user.id, body)),
);
