// GET /api/v1/tv/:id — a show, as media
import { getShowContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { getMediaCached } from '@/lib/library/cached-listings';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(getShowContract, ({ params }) => getMediaCached(params.id, 'show')));
