// GET /api/v1/season/:id/episode — a season's episodes
import { listEpisodesContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { getSeason } from '@/lib/library/browse';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(listEpisodesContract, async ({ params }) => (await getSeason(params.id)).episodes));
