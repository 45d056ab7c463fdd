// PUT|DELETE /api/v1/tv/:id/follow — follow a show, or stop
import { deleteFollowContract, putFollowContract } from '@/lib/api/tracking-contracts';
import { handle, routes } from '@/lib/http/route';
import { setFollow } from '@/lib/tracking/watched';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(putFollowContract, ({ auth, params }) => setFollow(auth.user.id, params.id, true)),
  handle(deleteFollowContract, ({ auth, params }) => setFollow(auth.user.id, params.id, false)),
);
