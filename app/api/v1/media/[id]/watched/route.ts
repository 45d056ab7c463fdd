// PUT|DELETE /api/v1/media/:id/watched — a movie or video, or all episodes of a show or season
import { deleteMediaWatchedContract, putMediaWatchedContract } from '@/lib/api/tracking-contracts';
import { handle, routes } from '@/lib/http/route';
import { setMediaWatched } from '@/lib/tracking/watched';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(putMediaWatchedContract, ({ auth, params }) => setMediaWatched(auth.user.id, params.id, true)),
  handle(deleteMediaWatchedContract, ({ auth, params }) => setMediaWatched(auth.user.id, params.id, false)),
);
