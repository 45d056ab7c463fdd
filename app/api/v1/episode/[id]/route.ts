// GET /api/v1/episode/:id — an episode with its files; PATCH — edit (locks fields); DELETE — remove (admin)
import { deleteEpisodeContract, getEpisodeContract, patchEpisodeContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { getEpisode } from '@/lib/library/browse';
import { deleteEpisode, editEpisode } from '@/lib/library/edit-media';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(getEpisodeContract, ({ params }) => getEpisode(params.id)),
  handle(patchEpisodeContract, ({ params, body }) => editEpisode(params.id, body)),
  handle(deleteEpisodeContract, ({ params }) => deleteEpisode(params.id)),
);
