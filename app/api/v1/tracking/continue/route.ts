// GET /api/v1/tracking/continue — the caller's own tracking list
import { continueContract } from '@/lib/api/tracking-contracts';
import { handle, routes } from '@/lib/http/route';
import { continueWatching } from '@/lib/tracking/lists';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(continueContract, ({ auth }) => continueWatching(auth.user.id)));
