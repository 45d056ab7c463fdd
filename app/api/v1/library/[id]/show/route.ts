// POST /api/v1/library/:id/show — add a show without files (admin or scanner key)
import { createShowContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { createShow } from '@/lib/library/create-entries';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(createShowContract, ({ params, body }) => createShow(params.id, body)));
