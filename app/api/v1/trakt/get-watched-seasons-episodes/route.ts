// GET /api/v1/trakt/get-watched-seasons-episodes?trakt_id= — a watched show's seasons and episodes
import { traktSeasonsEpisodesContract } from '@/lib/api/trakt-contracts';
import { handle, routes } from '@/lib/http/route';
import { watchedSeasonsEpisodes } from '@/lib/trakt/stored';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(traktSeasonsEpisodesContract, ({ auth, query }) => watchedSeasonsEpisodes(auth.user.id, query.trakt_id)));
