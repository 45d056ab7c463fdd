// DELETE /api/v1/library/:id/missing — purge what is missing in this library now (admin)
import { purgeMissingContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { purgeMissingNow } from '@/lib/library/missing-and-duplicates';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(purgeMissingContract, ({ params }) => purgeMissingNow(params.id)));
