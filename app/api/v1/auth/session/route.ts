// POST /api/v1/auth/session — sign in, get a bearer token; DELETE — revoke the session in use
// (a bearer token, or the browser's cookie session, whose cookie is cleared too)
import { createSessionContract, deleteSessionContract } from '@/lib/api/auth-contracts';
import { createApiSession, revokeApiSession } from '@/lib/auth/api-sessions';
import { trustedDeviceFromCookieHeader } from '@/lib/auth/trusted-device';
import { signedOutResponse } from '@/lib/http/session-cookie';
import { clientIp } from '@/lib/http/client-ip';
import { handle, routes } from '@/lib/http/route';
import { verifyCredentials } from '@/lib/users/verify-credentials';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(createSessionContract, async ({ req, body }) => {
    const user = await verifyCredentials(body.username, body.password, { ip: clientIp(req), trustedDevice: trustedDeviceFromCookieHeader(req.headers.get('cookie')) });
    return createApiSession(user.id, req.headers.get('user-agent'));
  }),
  handle(deleteSessionContract, async ({ auth }) => {
    if (auth.sessionId) await revokeApiSession(auth.sessionId);
    return auth.via === 'cookie' ? signedOutResponse() : undefined;
  }),
);
