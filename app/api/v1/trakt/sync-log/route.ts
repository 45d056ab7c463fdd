// GET /api/v1/trakt/sync-log — your last syncs and pending pushes
import { traktSyncLogContract } from '@/lib/api/trakt-contracts';
import { handle, routes } from '@/lib/http/route';
import { syncLogView } from '@/lib/trakt/sync';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(traktSyncLogContract, ({ auth }) => syncLogView(auth.user.id)));
