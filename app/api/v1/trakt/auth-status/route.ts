// GET /api/v1/trakt/auth-status — linked or not, status, expiry (never the token)
import { traktAuthStatusContract } from '@/lib/api/trakt-contracts';
import { handle, routes } from '@/lib/http/route';
import { authStatus } from '@/lib/trakt/oauth';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(traktAuthStatusContract, ({ auth }) => authStatus(auth.user.id)));
