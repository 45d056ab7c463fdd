// GET /api/v1/devices/events — your devices, live: the list, then each change (Server-Sent Events)
import { devicesEventsContract } from '@/lib/api/remote-contracts';
import { handle, routes } from '@/lib/http/route';
import { openDevicesStream } from '@/lib/remote/devices-stream';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(devicesEventsContract, async ({ auth, req, stillAuthorized }) => openDevicesStream(auth.user.id, req.signal, stillAuthorized)));
