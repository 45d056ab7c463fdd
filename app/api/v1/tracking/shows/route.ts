// GET /api/v1/tracking/shows — the caller's own tracking list
import { trackedShowsContract } from '@/lib/api/tracking-contracts';
import { handle, routes } from '@/lib/http/route';
import { yourShows } from '@/lib/tracking/lists';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(trackedShowsContract, ({ auth }) => yourShows(auth.user.id)));
