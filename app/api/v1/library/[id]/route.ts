// GET /api/v1/library/:id — one library; PATCH — rename or move it; DELETE — remove it (admin)
import { deleteLibraryContract, getLibraryContract, updateLibraryContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { deleteLibrary, getLibrary, updateLibrary } from '@/lib/library/libraries';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(getLibraryContract, ({ params }) => getLibrary(params.id)),
  handle(updateLibraryContract, ({ params, body }) => updateLibrary(params.id, body)),
  handle(deleteLibraryContract, ({ params }) => deleteLibrary(params.id)),
);
