// POST /api/v1/devices/:id/commands/:cid/ack — the device answers a command
import { ackCommandContract } from '@/lib/api/remote-contracts';
import { handle, routes } from '@/lib/http/route';
import { ackCommand } from '@/lib/remote/commands';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(ackCommandContract, ({ auth, params, body }) => ackCommand(auth.user.id, params.id, params.cid, body)));
