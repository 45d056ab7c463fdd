// GET /api/v1/tv/:id/episodes — a show with every season and episode and the caller's watched flags
import { showEpisodesContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { showEpisodes } from '@/lib/library/show-episodes';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(showEpisodesContract, ({ auth, params }) => showEpisodes(params.id, auth.user.id)));
