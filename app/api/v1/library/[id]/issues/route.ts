// GET /api/v1/library/:id/issues — per-file problems of the last scan (admin)
import { scanIssuesContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { listScanIssues } from '@/lib/library/scan-progress';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(scanIssuesContract, ({ params }) => listScanIssues(params.id)));
