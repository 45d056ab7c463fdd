// GET /api/v1/stream-session/:key/trickplay/:name — one scrub-preview sheet
import { getTrickplaySheetContract } from '@/lib/api/stream-contracts';
import { handle, routes } from '@/lib/http/route';
import { streamTrickplaySheet } from '@/lib/stream/respond-extras';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(getTrickplaySheetContract, ({ auth, params }) => streamTrickplaySheet(auth.user.id, params.key, params.name)));
