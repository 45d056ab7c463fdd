// GET /api/v1/trakt/sync/:id — a sync job's status and progress
import { traktSyncJobContract } from '@/lib/api/trakt-contracts';
import { handle, routes } from '@/lib/http/route';
import { syncJobView } from '@/lib/trakt/sync-now';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(traktSyncJobContract, ({ auth, params }) => syncJobView(auth.user.id, params.id)));
