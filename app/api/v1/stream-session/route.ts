// POST /api/v1/stream-session — decide how to play a movie, episode or file, and start the stream
import { createStreamSessionContract } from '@/lib/api/stream-contracts';
import { handle, routes } from '@/lib/http/route';
import { createStreamSession } from '@/lib/stream/create-session';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(createStreamSessionContract, ({ auth, body }) => createStreamSession(auth.user.id, body)));
