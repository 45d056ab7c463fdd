// POST /api/v1/library/:id/run — queue scan | rescan | fetch_metadata | duplicatescan (admin)
import { runLibraryContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { runLibraryTask } from '@/lib/library/libraries';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(runLibraryContract, ({ params, body }) => runLibraryTask(params.id, body.flag)));
