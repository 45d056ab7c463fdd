// DELETE /api/v1/auth/sessions — sign out everywhere: every browser and bearer session of the user
import { deleteAllSessionsContract } from '@/lib/api/auth-contracts';
import { revokeUserSessions } from '@/lib/auth/api-sessions';
import { signedOutResponse } from '@/lib/http/session-cookie';
import { handle, routes } from '@/lib/http/route';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(deleteAllSessionsContract, async ({ auth }) => {
    await revokeUserSessions(auth.user.id);
    return auth.via === 'cookie' ? signedOutResponse() : undefined;
  }),
);
