// POST /api/v1/auth/refresh — exchange a session token for a new one
import { refreshSessionContract } from '@/lib/api/auth-contracts';
import { refreshApiSession } from '@/lib/auth/api-sessions';
import { ApiError } from '@/lib/errors/api-error';
import { handle, routes } from '@/lib/http/route';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(refreshSessionContract, async ({ auth }) => {
    if (auth.via !== 'session' || !auth.sessionId) throw new ApiError('forbidden', 'Only session tokens can be refreshed (API keys and cookies do not expire this way).');
    return refreshApiSession(auth.sessionId, auth.user.id);
  }),
);
