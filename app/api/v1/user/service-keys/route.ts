// GET /api/v1/user/service-keys — your stored keys (previews); POST — store one (encrypted)
import { listServiceKeysContract, saveServiceKeyContract } from '@/lib/api/trakt-contracts';
import { listServiceKeys, saveServiceKey } from '@/lib/auth/service-keys';
import { handle, routes } from '@/lib/http/route';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(listServiceKeysContract, ({ auth }) => listServiceKeys(auth.user.id)),
  handle(saveServiceKeyContract, ({ auth, body }) => saveServiceKey(auth.user.id, body.service_name, body.api_key)),
);
