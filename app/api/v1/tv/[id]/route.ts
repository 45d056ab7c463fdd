// GET /api/v1/tv/:id — a show, as media
import { getShowContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { getMedia } from '@/lib/library/browse';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(getShowContract, ({ params }) => getMedia(params.id, 'show')));
