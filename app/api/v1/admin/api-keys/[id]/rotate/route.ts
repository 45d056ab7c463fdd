// POST /api/v1/admin/api-keys/:id/rotate — a new secret for a TVDB proxy key (admin)
import { rotateProxyKeyContract } from '@/lib/api/proxy-key-contracts';
import { handle, routes } from '@/lib/http/route';
import { rotateProxyKey } from '@/lib/tvdb/proxy-keys';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(rotateProxyKeyContract, ({ params }) => rotateProxyKey(params.id)));
