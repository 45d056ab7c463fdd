// GET /tvtime/show/:id — TV Time: a show, every season and episode, the caller's seen flags
import { tvtimeShowContract } from '@/lib/api/tvtime-contracts';
import { handle, routes } from '@/lib/http/route';
import { tvtimeShow } from '@/lib/tvtime/tvtime';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(tvtimeShowContract, ({ auth, params }) => tvtimeShow(auth.user.id, params.id)));
