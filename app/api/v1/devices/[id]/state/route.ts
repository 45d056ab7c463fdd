// PUT /api/v1/devices/:id/state — the device reports what it plays
import { reportDeviceStateContract } from '@/lib/api/remote-contracts';
import { handle, routes } from '@/lib/http/route';
import { reportState } from '@/lib/remote/devices';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(reportDeviceStateContract, ({ auth, params, body }) => reportState(auth.user.id, params.id, body)));
