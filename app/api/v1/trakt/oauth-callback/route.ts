// GET /api/v1/trakt/oauth-callback — Trakt's redirect (→ Settings); POST {code, state} — the same for clients
import { traktCallbackGetContract, traktCallbackPostContract } from '@/lib/api/trakt-contracts';
import { ApiError } from '@/lib/errors/api-error';
import { handle, routes } from '@/lib/http/route';
import { completeAuthorization } from '@/lib/trakt/oauth';

const toSettings = (query: string) => new Response(null, { status: 302, headers: { Location: `/settings?${query}#trakt` } });

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(traktCallbackGetContract, async ({ auth, query }) => {
    try {
      await completeAuthorization(auth.user.id, query.code, query.state);
      return toSettings('trakt=linked');
    } catch (err) {
      if (err instanceof ApiError) return toSettings(`trakt_error=${encodeURIComponent(err.code)}`);
      throw err;
    }
  }),
  handle(traktCallbackPostContract, ({ auth, body }) => completeAuthorization(auth.user.id, body.code, body.state)),
);
