// POST /api/v1/user/register — create an account (the first one becomes admin); throttled per client address
import { registerContract } from '@/lib/api/auth-contracts';
import { clientIp } from '@/lib/http/client-ip';
import { handle, routes } from '@/lib/http/route';
import { registerFromClient } from '@/lib/users/register-user';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(registerContract, ({ req, body }) => registerFromClient(body, clientIp(req))));
