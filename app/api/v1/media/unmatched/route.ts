// GET /api/v1/media/unmatched — items waiting for an admin to identify them (admin)
import { listUnmatchedContract } from '@/lib/api/metadata-contracts';
import { handle, routes } from '@/lib/http/route';
import { listUnmatched } from '@/lib/metadata/online/online-admin';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(listUnmatchedContract, ({ query }) => listUnmatched(query)));
