// GET /api/v1/stream-session/:key — the file with Range (direct) or the master playlist; DELETE — end it
import { deleteStreamContract, getStreamContract } from '@/lib/api/stream-contracts';
import { handle, routes } from '@/lib/http/route';
import { endStreamSession } from '@/lib/stream/create-session';
import { streamRoot } from '@/lib/stream/respond-hls';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(getStreamContract, ({ auth, params, req }) => streamRoot(auth.user.id, params.key, req)),
  handle(deleteStreamContract, ({ auth, params }) => endStreamSession(auth.user.id, params.key)),
);
