// PUT|DELETE /tvtime/episode/:id/watched — TV Time: mark an episode seen, or not
import { tvtimeSeenContract, tvtimeUnseenContract } from '@/lib/api/tvtime-contracts';
import { handle, routes } from '@/lib/http/route';
import { tvtimeSeen } from '@/lib/tvtime/tvtime';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(tvtimeSeenContract, ({ auth, params }) => tvtimeSeen(auth.user.id, params.id, true)),
  handle(tvtimeUnseenContract, ({ auth, params }) => tvtimeSeen(auth.user.id, params.id, false)),
);
