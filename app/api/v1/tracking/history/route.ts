// GET /api/v1/tracking/history — the caller's own tracking list
import { historyContract } from '@/lib/api/tracking-contracts';
import { handle, routes } from '@/lib/http/route';
import { history } from '@/lib/tracking/lists';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(historyContract, ({ auth, query }) => history(auth.user.id, query.page, query.page_size)));
