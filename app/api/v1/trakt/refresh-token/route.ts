// GET /api/v1/trakt/refresh-token — refresh now; answers the expiry, never the token
import { traktRefreshContract } from '@/lib/api/trakt-contracts';
import { handle, routes } from '@/lib/http/route';
import { refreshNow } from '@/lib/trakt/oauth';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(traktRefreshContract, ({ auth }) => refreshNow(auth.user.id)));
