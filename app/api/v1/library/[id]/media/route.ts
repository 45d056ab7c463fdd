// GET /api/v1/library/:id/media — a library's items, paged and sorted
import { listLibraryMediaContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { listLibraryMedia } from '@/lib/library/browse';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(listLibraryMediaContract, ({ params, query }) => listLibraryMedia(params.id, query)));
