// GET /api/v1/library/:id/duplicates/report — what the last duplicatescan task found
import { duplicatesReportContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { getDuplicatesReport } from '@/lib/library/duplicates-report';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(duplicatesReportContract, ({ params }) => getDuplicatesReport(params.id)));
