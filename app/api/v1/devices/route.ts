// GET /api/v1/devices — your connected devices; POST — register this player as a device
import { listDevicesContract, registerDeviceContract } from '@/lib/api/remote-contracts';
import { handle, routes } from '@/lib/http/route';
import { listDevices, registerDevice } from '@/lib/remote/devices';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(listDevicesContract, ({ auth }) => listDevices(auth.user.id)),
  handle(registerDeviceContract, ({ auth, body, req }) => registerDevice(auth.user.id, body, req.headers.get('user-agent'))),
);
