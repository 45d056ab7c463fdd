// GET /api/v1/tv/:id/season — a show's seasons; POST — add one (admin or scanner key)
import { createSeasonContract, listSeasonsContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { listSeasons } from '@/lib/library/browse';
import { createSeason } from '@/lib/library/create-entries';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(listSeasonsContract, ({ params }) => listSeasons(params.id)),
  handle(createSeasonContract, ({ params, body }) => createSeason(params.id, body)),
);
