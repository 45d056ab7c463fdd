// GET /api/v1/trakt/fetch-latest-shows — sync now; 200 when done within a few seconds, else 202 + job id
import { traktFetchShowsContract } from '@/lib/api/trakt-contracts';
import { handle, routes } from '@/lib/http/route';
import { syncAndWait } from '@/lib/trakt/sync-now';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(traktFetchShowsContract, async ({ auth }) => {
    const answer = await syncAndWait(auth.user.id);
    return 'pending' in answer ? Response.json(answer, { status: 202 }) : answer;
  }),
);
