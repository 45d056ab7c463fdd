// GET /api/v1/library/:id/duplicates — items and episodes with several files
import { duplicatesContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { findDuplicates } from '@/lib/scan/find-duplicates';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(duplicatesContract, ({ params }) => findDuplicates(params.id)));
