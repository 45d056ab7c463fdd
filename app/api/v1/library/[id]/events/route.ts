// GET /api/v1/library/:id/events — scan progress as server-sent events
import { scanEventsContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { getScanProgress, scanProgressStream } from '@/lib/library/scan-progress';

export const dynamic = 'force-dynamic';
export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(scanEventsContract, async ({ params, req }) => {
    await getScanProgress(params.id); // 404 before the stream starts
    return new Response(scanProgressStream(params.id, req.signal), {
      headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive' },
    });
  }),
);
