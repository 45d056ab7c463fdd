// GET /api/v1/admin/sessions/events — every live stream session, live (Server-Sent Events, admin)
import { adminSessionsEventsContract } from '@/lib/api/remote-contracts';
import { handle, routes } from '@/lib/http/route';
import { openSessionsStream } from '@/lib/remote/admin-sessions-stream';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(adminSessionsEventsContract, async ({ req, stillAuthorized }) => openSessionsStream(req.signal, stillAuthorized)));
