// POST /api/v1/library/check-path — would this folder be accepted as a library? (admin)
import { checkPathContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { checkLibraryPath } from '@/lib/library/libraries';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(checkPathContract, ({ body }) => checkLibraryPath(body.path, body.library_id)));
