// GET /api/v1/admin/sessions — every live stream session (admin)
import { listAdminSessionsContract } from '@/lib/api/remote-contracts';
import { handle, routes } from '@/lib/http/route';
import { listStreamSessions } from '@/lib/remote/admin-sessions';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(listAdminSessionsContract, () => listStreamSessions()));
