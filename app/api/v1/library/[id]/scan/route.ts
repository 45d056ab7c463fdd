// GET /api/v1/library/:id/scan — scan state and progress
import { scanProgressContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { getScanProgress } from '@/lib/library/scan-progress';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(scanProgressContract, ({ params }) => getScanProgress(params.id)));
