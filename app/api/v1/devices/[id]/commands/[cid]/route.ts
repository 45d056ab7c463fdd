// GET /api/v1/devices/:id/commands/:cid — a command's outcome
import { commandStatusContract } from '@/lib/api/remote-contracts';
import { handle, routes } from '@/lib/http/route';
import { commandStatus } from '@/lib/remote/commands';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(commandStatusContract, ({ auth, params }) => commandStatus(auth.user.id, params.id, params.cid)));
