// POST /api/v1/devices/:id/commands — send a command to one of your devices (202)
import { sendCommandContract } from '@/lib/api/remote-contracts';
import { handle, routes } from '@/lib/http/route';
import { sendCommand } from '@/lib/remote/commands';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(sendCommandContract, ({ auth, params, body }) => sendCommand(auth.user.id, params.id, body)));
