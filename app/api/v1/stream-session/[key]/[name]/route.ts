// GET /api/v1/stream-session/:key/:name — HLS media playlist or segment
import { getStreamPartContract } from '@/lib/api/stream-contracts';
import { handle, routes } from '@/lib/http/route';
import { streamPart } from '@/lib/stream/respond-hls';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(getStreamPartContract, ({ auth, params }) => streamPart(auth.user.id, params.key, params.name)));
