// DELETE /api/v1/admin/sessions/:key — stop a stream session, telling its player why (admin)
import { stopAdminSessionContract } from '@/lib/api/remote-contracts';
import { handle, routes } from '@/lib/http/route';
import { stopStreamSession } from '@/lib/remote/admin-sessions';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(stopAdminSessionContract, ({ params, query }) => stopStreamSession(params.key, query.reason)));
