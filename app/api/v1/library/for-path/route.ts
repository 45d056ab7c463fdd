// GET /api/v1/library/for-path?path= — which library has a folder holding this path (admin or scanner key)
import { libraryForPathContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { findLibraryForPath } from '@/lib/library/library-for-path';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(libraryForPathContract, ({ query }) => findLibraryForPath(query.path)));
