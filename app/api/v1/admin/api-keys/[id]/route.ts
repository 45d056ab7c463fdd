// GET|PUT|DELETE /api/v1/admin/api-keys/:id — one TVDB proxy key (admin)
import { deleteProxyKeyContract, getProxyKeyContract, updateProxyKeyContract } from '@/lib/api/proxy-key-contracts';
import { handle, routes } from '@/lib/http/route';
import { deleteProxyKey, getProxyKey, updateProxyKey } from '@/lib/tvdb/proxy-keys';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(getProxyKeyContract, ({ params }) => getProxyKey(params.id)),
  handle(updateProxyKeyContract, ({ params, body }) => updateProxyKey(params.id, body)),
  handle(deleteProxyKeyContract, ({ params }) => deleteProxyKey(params.id)),
);
