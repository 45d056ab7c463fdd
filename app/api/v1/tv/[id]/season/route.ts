// GET /api/v1/tv/:id/season — a show's seasons
import { listSeasonsContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { listSeasons } from '@/lib/library/browse';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(listSeasonsContract, ({ params }) => listSeasons(params.id)));
