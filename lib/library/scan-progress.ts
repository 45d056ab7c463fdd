// A library's scan state for the UI: queued / scanning (with progress) / idle / error, the
// per-file issues of the last scan, and a server-sent-events stream of the same.
import { z } from 'zod';
import { db } from '@/lib/db';
import { subscribe } from '@/lib/events/events';
import { ApiError } from '@/lib/errors/api-error';
import { jobChanged, jobQueued } from '@/lib/jobs/enqueued';

export const scanProgressSchema = z.object({
  status: z.string(),
  progress: z.number().nullable(),
  message: z.string().nullable(),
  last_scan_at: z.string().nullable(),
  media_count: z.number().int(),
  issue_count: z.number().int(),
  watch_status: z.string().nullable(),
  /** The background renditions job that covers this library, while one is queued or running (lib/stream/renditions-job.ts). */
  renditions: z.object({ status: z.enum(['queued', 'running']), progress: z.number().nullable(), message: z.string().nullable() }).nullable(),
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
  const renditions = lib.renditionLadder === 'off' ? null : await renditionsJobOf(libraryId);
  return {
    status: job ? (job.status === 'running' ? 'scanning' : 'queued') : lib.scanStatus,
    progress: job?.status === 'running' ? (job.progress ?? 0) : null,
    message: job?.progressMessage ?? null,
    last_scan_at: lib.lastScanAt?.toISOString() ?? null,
    media_count: lib._count.items,
    issue_count: lib._count.scanIssues,
    watch_status: lib.watchStatus,
    renditions: renditions && {
      status: renditions.status === 'running' ? 'running' : 'queued',
      progress: renditions.status === 'running' ? (renditions.progress ?? 0) : null,
      message: renditions.progressMessage ?? null,
    },
  };
}

/** Keys of the renditions jobs that work on a library: its own (a ladder just chosen), or the one for every library (after a scan). */
const renditionKeys = (libraryId: string) => [`renditions:${libraryId}`, 'renditions:all'];

async function renditionsJobOf(libraryId: string) {
  return db.job.findFirst({ where: { activeKey: { in: renditionKeys(libraryId) } }, select: { status: true, progress: true, progressMessage: true } });
}

export async function listScanIssues(libraryId: string) {
  if (!(await db.library.findUnique({ where: { id: libraryId }, select: { id: true } }))) throw new ApiError('not_found', 'No such library.');
  const rows = await db.scanIssue.findMany({ where: { libraryId }, orderBy: { path: 'asc' }, take: 1000 });
  return rows.map((r) => ({ path: r.path, reason: r.reason, message: r.message }));
}

/**
 * Server-sent events: one `progress` event on connect and one on every change. The worker's job
 * events for this library's scan (`jobs.queued` / `jobs.changed` on key `scan:<id>`) wake it — no
 * polling; a slow re-read every `fallbackMs` covers a lost event and doubles as a keep-alive.
 */
export function scanProgressStream(libraryId: string, signal: AbortSignal, { fallbackMs = 15_000, maxMs = 30 * 60_000 } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const key = `scan:${libraryId}`;
  const cleanups: (() => void)[] = [];
  const stop = () => cleanups.splice(0).forEach((f) => f());
  return new ReadableStream({
    start(controller) {
      let last = '';
      let reading = false;
      let again = false;
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        stop();
        controller.close();
      };
      const look = async () => {
        if (closed) return;
        if (reading) return void (again = true);
        reading = true;
        try {
          const now = JSON.stringify(await getScanProgress(libraryId));
          if (now !== last && !closed) controller.enqueue(encoder.encode(`event: progress\ndata: ${now}\n\n`));
          last = now;
        } catch {
          // The library was deleted or the database went away: end the stream.
          return close();
        } finally {
          reading = false;
        }
        if (again) {
          again = false;
          void look();
        }
      };
      const keys = new Set([key, ...renditionKeys(libraryId)]);
      const onJob = (e: { key: string | null }) => {
        if (e.key !== null && keys.has(e.key)) void look();
      };
      cleanups.push(subscribe(jobQueued, onJob), subscribe(jobChanged, onJob));
      const fallback = setInterval(() => void look(), fallbackMs);
      const deadline = setTimeout(close, maxMs);
      cleanups.push(() => clearInterval(fallback), () => clearTimeout(deadline));
      signal.addEventListener('abort', close, { once: true });
      void look();
    },
    cancel() {
      stop();
    },
  });
}
