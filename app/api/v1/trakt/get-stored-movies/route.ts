// GET /api/v1/trakt/get-stored-movies?page=&page_size= — watched movies as last pulled (page size 5 by default)
import { traktStoredMoviesContract } from '@/lib/api/trakt-contracts';
import { handle, routes } from '@/lib/http/route';
import { storedMovies } from '@/lib/trakt/stored';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(traktStoredMoviesContract, ({ auth, query }) => storedMovies(auth.user.id, query.page, query.page_size)));
