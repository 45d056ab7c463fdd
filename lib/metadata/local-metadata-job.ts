// Job `metadata.local`: identification and artwork for one item, local first and then online when a
// provider is configured (deduplicated per item).
// Queued after a scan for the items it created or whose files changed (the worker's pipeline,
// scanner-worker/jobs.ts), and by the fetch_metadata task.
import { readdir, readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { defineJob } from '@/lib/jobs/define-job';
import { jobQueue } from '@/lib/jobs/job-queue';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { grabFrame } from '@/lib/media/frame-grab';
import { servedFile, servedRoots } from '@/lib/scan/served-path';
import { imageStoreDeps } from './image-store-deps';
import { applyLocalMetadata, type LocalMetadataDeps } from './local-metadata';
import { onlineProvider } from './online/online-provider';

export const localMetadataPayload = z.object({ itemId: z.string().min(1) });

/** NFOs bigger than this are not NFOs (parseNfo refuses them too). */
const MAX_NFO_BYTES = 4 * 1024 * 1024;

/** The real side effects: the filesystem, ffmpeg for frames, sharp for variants, the image store, the online provider. */
export async function realLocalMetadataDeps(signal?: AbortSignal): Promise<LocalMetadataDeps> {
  const { ffmpeg } = await ffmpegInfo();
  // NFOs, artwork beside the files and images an NFO names are read only when they resolve inside a
  // library (or Marquee's folders): a `poster.jpg` linking to /etc/shadow is as good as absent.
  const roots = await servedRoots();
  const served = (path: string) => servedFile(path, roots);
  return {
    online: onlineProvider(),
    listDir: (folder) => readdir(folder).catch(() => []),
    async readText(path) {
      const real = await served(path);
      const info = real ? await stat(real).catch(() => null) : null;
      if (!real || !info?.isFile() || info.size > MAX_NFO_BYTES) return null;
      return readFile(real, 'utf8').catch(() => null);
    },
    async stat(path) {
      const real = await served(path);
      const info = real ? await stat(real).catch(() => null) : null;
      return info?.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : null;
    },
    async readFile(path) {
      const real = await served(path);
      if (!real) throw Object.assign(new Error(`${path} resolves outside every library folder: not read`), { code: 'ENOENT' });
      return readFile(real);
    },
    grabFrame: (path, atSeconds, width) => grabFrame(path, atSeconds, { ffmpegPath: ffmpeg.path, width, signal }),
    ...imageStoreDeps(),
  };
}

export const localMetadataJob = defineJob({
  name: 'metadata.local',
  schema: localMetadataPayload,
  dedupeKey: (p) => `meta:${p.itemId}`,
  maxAttempts: 2,
  background: true,
  async handle(payload, ctx) {
    return applyLocalMetadata(payload.itemId, await realLocalMetadataDeps(ctx.signal), { signal: ctx.signal, progress: ctx.progress });
  },
});

/** Queues `metadata.local` for each item (an item already queued is not queued twice). */
export async function enqueueLocalMetadata(itemIds: Iterable<string>): Promise<number> {
  const queue = jobQueue();
  let queued = 0;
  for (const itemId of itemIds) {
    if (!(await queue.enqueue(localMetadataJob, { itemId })).deduped) queued++;
  }
  return queued;
}
