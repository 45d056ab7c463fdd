// GET /api/v1/devices/:id/events — the device's command stream (Server-Sent Events)
import { deviceEventsContract } from '@/lib/api/remote-contracts';
import { handle, routes } from '@/lib/http/route';
import { openCommandStream } from '@/lib/remote/command-stream';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(deviceEventsContract, ({ auth, params, req }) => openCommandStream(auth.user.id, params.id, req.signal)));
