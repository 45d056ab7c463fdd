// POST /api/v1/trakt/sync — Sync now (202 with the job id)
import { traktSyncContract } from '@/lib/api/trakt-contracts';
import { handle, routes } from '@/lib/http/route';
import { requestSync } from '@/lib/trakt/sync-now';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(traktSyncContract, async ({ auth }) => {
    const { id, deduped } = await requestSync(auth.user.id);
    return { job_id: id, deduped };
  }),
);
