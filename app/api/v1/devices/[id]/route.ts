// GET /api/v1/devices/:id — one of your devices; PATCH — rename it
import { getDeviceContract, renameDeviceContract } from '@/lib/api/remote-contracts';
import { handle, routes } from '@/lib/http/route';
import { getDevice, renameDevice } from '@/lib/remote/devices';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(getDeviceContract, ({ auth, params }) => getDevice(auth.user.id, params.id)),
  handle(renameDeviceContract, ({ auth, params, body }) => renameDevice(auth.user.id, params.id, body)),
);
