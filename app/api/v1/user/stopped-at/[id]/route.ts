// GET|POST /api/v1/user/stopped-at/:id — your resume point in a movie, video or episode
import { getStoppedAtContract, postStoppedAtContract } from '@/lib/api/stream-contracts';
import { handle, routes } from '@/lib/http/route';
import { getStoppedAt, saveStoppedAt } from '@/lib/tracking/resume';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(getStoppedAtContract, ({ auth, params }) => getStoppedAt(auth.user.id, params.id)),
  handle(postStoppedAtContract, ({ auth, params, body }) => saveStoppedAt(auth.user.id, params.id, body.secs_offset, body.state)),
);
