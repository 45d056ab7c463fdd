// GET /api/v1/media/:id/match — how the item was matched online, with the candidates
import { getMatchContract } from '@/lib/api/metadata-contracts';
import { handle, routes } from '@/lib/http/route';
import { getMatch } from '@/lib/metadata/online/online-admin';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(getMatchContract, ({ params }) => getMatch(params.id)));
