// GET /api/v1/season/:id — a season with its episodes; PATCH — rename; DELETE — remove (admin)
import { deleteSeasonContract, getSeasonContract, patchSeasonContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { getSeason } from '@/lib/library/browse';
import { deleteSeason, editSeason } from '@/lib/library/edit-media';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(getSeasonContract, ({ params, auth }) => getSeason(params.id, auth.user.id)),
  handle(patchSeasonContract, ({ params, body }) => editSeason(params.id, body)),
  handle(deleteSeasonContract, ({ params }) => deleteSeason(params.id)),
);
