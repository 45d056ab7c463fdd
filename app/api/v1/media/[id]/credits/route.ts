// GET /api/v1/media/:id/credits — cast and key crew
import { getCreditsContract } from '@/lib/api/metadata-contracts';
import { handle, routes } from '@/lib/http/route';
import { getCredits } from '@/lib/metadata/online/online-admin';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(getCreditsContract, ({ params }) => getCredits(params.id)));
