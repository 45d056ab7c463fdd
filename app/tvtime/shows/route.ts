// GET /tvtime/shows — TV Time: the caller's followed shows
import { tvtimeShowsContract } from '@/lib/api/tvtime-contracts';
import { handle, routes } from '@/lib/http/route';
import { tvtimeShows } from '@/lib/tvtime/tvtime';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(tvtimeShowsContract, ({ auth }) => tvtimeShows(auth.user.id)));
