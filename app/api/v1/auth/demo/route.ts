// POST /api/v1/auth/demo — a bearer token for the read-only demo account (when the demo is on); throttled per client address
import { demoSessionContract } from '@/lib/api/auth-contracts';
import { createApiSession } from '@/lib/auth/api-sessions';
import { clientIp } from '@/lib/http/client-ip';
import { handle, routes } from '@/lib/http/route';
import { demoSignIn } from '@/lib/users/demo';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(demoSessionContract, async ({ req }) => createApiSession((await demoSignIn(clientIp(req))).id, req.headers.get('user-agent'))),
);
