// GET /api/v1/search?q= — titles across libraries
import { searchContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { searchMedia } from '@/lib/library/browse';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(searchContract, ({ query }) => searchMedia(query.q)));
