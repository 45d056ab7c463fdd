// GET /api/v1/season/:id/episode — a season's episodes; POST — add one (admin or scanner key)
import { createEpisodeContract, listEpisodesContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { getSeason } from '@/lib/library/browse';
import { createEpisode } from '@/lib/library/create-entries';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(listEpisodesContract, async ({ params }) => (await getSeason(params.id)).episodes),
  handle(createEpisodeContract, ({ params, body }) => createEpisode(params.id, body)),
);
