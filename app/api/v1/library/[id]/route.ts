// GET /api/v1/library/:id — one library; PATCH — edit name, type, folders, scan interval; DELETE — remove it (admin)
import { deleteLibraryContract, getLibraryContract, updateLibraryContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { deleteLibrary, updateLibrary } from '@/lib/library/edit-library';
import { getLibrary } from '@/lib/library/libraries';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(getLibraryContract, ({ params }) => getLibrary(params.id)),
  handle(updateLibraryContract, ({ params, body }) => updateLibrary(params.id, body)),
  handle(deleteLibraryContract, ({ params }) => deleteLibrary(params.id)),
);
