// PUT|DELETE /tvtime/show/:id/follow — TV Time: follow a show, or stop
import { tvtimeFollowContract, tvtimeUnfollowContract } from '@/lib/api/tvtime-contracts';
import { handle, routes } from '@/lib/http/route';
import { tvtimeFollow } from '@/lib/tvtime/tvtime';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(tvtimeFollowContract, ({ auth, params }) => tvtimeFollow(auth.user.id, params.id, true)),
  handle(tvtimeUnfollowContract, ({ auth, params }) => tvtimeFollow(auth.user.id, params.id, false)),
);
