// GET /api/v1/tracking/next-up — the caller's own tracking list
import { nextUpContract } from '@/lib/api/tracking-contracts';
import { handle, routes } from '@/lib/http/route';
import { nextUp } from '@/lib/tracking/lists';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(nextUpContract, ({ auth }) => nextUp(auth.user.id)));
