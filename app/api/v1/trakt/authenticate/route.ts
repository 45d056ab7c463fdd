// GET /api/v1/trakt/authenticate — Trakt's authorize URL with a single-use state
import { traktAuthenticateContract } from '@/lib/api/trakt-contracts';
import { handle, routes } from '@/lib/http/route';
import { authenticate } from '@/lib/trakt/oauth';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(traktAuthenticateContract, ({ auth }) => authenticate(auth.user.id)));
