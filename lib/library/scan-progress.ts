// A library's scan state for the UI: queued / scanning (with progress) / idle / error, the
// per-file issues of the last scan, and a server-sent-events stream of the same.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/http/api-error';

export const scanProgressSchema = z.object({
  status: z.string(),
  progress: z.number().nullable(),
  message: z.string().nullable(),
  last_scan_at: z.string().nullable(),
  media_count: z.number().int(),
  issue_count: z.number().int(),
  watch_status: z.string().nullable(),
});
export type ScanProgress = z.infer<typeof scanProgressSchema>;

export const scanIssueSchema = z.object({ path: z.string(), reason: z.string(), message: z.string() });

export async function getScanProgress(libraryId: string): Promise<ScanProgress> {
  const lib = await db.library.findUnique({
    where: { id: libraryId },
    include: { _count: { select: { items: true, scanIssues: true } } },
  });
  if (!lib) throw new ApiError('not_found', 'No such library.');
  // The live job, if any: the key is `scan:<id>` while it is queued or running.
  const job = await db.job.findUnique({ where: { activeKey: `scan:${libraryId}` }, select: { status: true, progress: true, progressMessage: true } });
  return {
    status: job ? (job.status === 'running' ? 'scanning' : 'queued') : lib.scanStatus,
    progress: job?.status === 'running' ? (job.progress ?? 0) : null,
    message: job?.progressMessage ?? null,
    last_scan_at: lib.lastScanAt?.toISOString() ?? null,
    media_count: lib._count.items,
    issue_count: lib._count.scanIssues,
    watch_status: lib.watchStatus,
  };
}

export async function listScanIssues(libraryId: string) {
  if (!(await db.library.findUnique({ where: { id: libraryId }, select: { id: true } }))) throw new ApiError('not_found', 'No such library.');
  const rows = await db.scanIssue.findMany({ where: { libraryId }, orderBy: { path: 'asc' }, take: 1000 });
  return rows.map((r) => ({ path: r.path, reason: r.reason, message: r.message }));
}

/** Server-sent events: one `progress` event on connect and on every change, polled every 500 ms. */
export function scanProgressStream(libraryId: string, signal: AbortSignal, { everyMs = 500, maxMs = 30 * 60_000 } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      let last = '';
      const deadline = Date.now() + maxMs;
      try {
        while (!signal.aborted && Date.now() < deadline) {
          const now = JSON.stringify(await getScanProgress(libraryId));
          if (now !== last) controller.enqueue(encoder.encode(`event: progress\ndata: ${now}\n\n`));
          last = now;
          await new Promise((r) => setTimeout(r, everyMs));
        }
      } catch {
        // The library was deleted or the database went away: end the stream.
      }
      controller.close();
    },
  });
}
