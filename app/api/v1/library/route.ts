// GET /api/v1/library — every library; POST — add one and queue its first scan (admin)
import { createLibraryContract, listLibrariesContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { createLibrary } from '@/lib/library/edit-library';
import { listLibrariesCached } from '@/lib/library/cached-listings';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(listLibrariesContract, () => listLibrariesCached()),
  handle(createLibraryContract, ({ body }) => createLibrary(body)),
);
