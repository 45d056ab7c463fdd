// PUT /api/v1/episode/:id/watched-up-to — this episode and every earlier one, watched
import { putWatchedUpToContract } from '@/lib/api/tracking-contracts';
import { handle, routes } from '@/lib/http/route';
import { setWatchedUpTo } from '@/lib/tracking/watched';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(putWatchedUpToContract, ({ auth, params }) => setWatchedUpTo(auth.user.id, params.id)));
