// GET /api/v1/tracking/calendar — the caller's own tracking list
import { calendarContract } from '@/lib/api/tracking-contracts';
import { handle, routes } from '@/lib/http/route';
import { calendarWithCatalog } from '@/lib/tracking/lists';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(calendarContract, ({ auth, query }) => calendarWithCatalog(auth.user.id, query.from, query.to)));
