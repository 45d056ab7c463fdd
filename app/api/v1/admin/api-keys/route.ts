// POST /api/v1/admin/api-keys — create a TVDB proxy key; GET — list them (admin)
import { createProxyKeyContract, listProxyKeysContract } from '@/lib/api/proxy-key-contracts';
import { handle, routes } from '@/lib/http/route';
import { createProxyKey, listProxyKeys } from '@/lib/tvdb/proxy-keys';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(createProxyKeyContract, ({ body, auth }) => createProxyKey(body, auth.user.id)),
  handle(listProxyKeysContract, ({ query }) => listProxyKeys(query)),
);
