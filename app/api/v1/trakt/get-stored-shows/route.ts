// GET /api/v1/trakt/get-stored-shows?page=&page_size= — watched shows as last pulled (page size 5 by default)
import { traktStoredShowsContract } from '@/lib/api/trakt-contracts';
import { handle, routes } from '@/lib/http/route';
import { storedShows } from '@/lib/trakt/stored';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(traktStoredShowsContract, ({ auth, query }) => storedShows(auth.user.id, query.page, query.page_size)));
