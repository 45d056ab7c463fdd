// POST /tvtime/login — TV Time sign-in: username + password → a session cookie
import { tvtimeLoginContract } from '@/lib/api/tvtime-contracts';
import { clientIp } from '@/lib/http/client-ip';
import { handle, routes } from '@/lib/http/route';
import { tvtimeLogin } from '@/lib/tvtime/tvtime-session';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(tvtimeLoginContract, ({ req, body }) => tvtimeLogin(body, clientIp(req), req.headers.get('user-agent'))),
);
