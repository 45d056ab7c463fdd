// PUT|DELETE /api/v1/episode/:id/watched — mark an episode watched or unwatched (for the caller)
import { deleteEpisodeWatchedContract, putEpisodeWatchedContract } from '@/lib/api/tracking-contracts';
import { handle, routes } from '@/lib/http/route';
import { setEpisodeWatched } from '@/lib/tracking/watched';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(putEpisodeWatchedContract, ({ auth, params }) => setEpisodeWatched(auth.user.id, params.id, true)),
  handle(deleteEpisodeWatchedContract, ({ auth, params }) => setEpisodeWatched(auth.user.id, params.id, false)),
);
