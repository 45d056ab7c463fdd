// Live figures of a running transcode, measured by the process that runs ffmpeg (the worker) and
// kept on the session row for the admin sessions page: speed (× real time, from ffmpeg's progress
// line) and CPU (% of one core, from /proc/<pid>/stat). Every second while ffmpeg runs, and every
// quarter second in its first two seconds: a short file may be transcoded whole in one. Each
// sample is announced (`stream.session-updated`), so the page shows it without polling.
import { db } from '@/lib/db';
import { notify } from '@/lib/events/events';
import { cpuSampler } from '@/lib/media/process-cpu';
import type { FfmpegProcess } from '@/lib/media/ffmpeg-process';
import { LIVE_STATUSES } from './session-store';
import { streamSessionUpdated } from './stream-events';

export const STATS_EVERY_MS = 1_000;
const FIRST_EVERY_MS = 250;
const FIRST_TICKS = 8;

export function watchFfmpegStats(sessionId: string, current: () => FfmpegProcess | null): () => void {
  let sampler: { pid: number; sample: () => Promise<number | null> } | null = null;
  let ticks = 0;
  let timer: NodeJS.Timeout;
  const tick = () => {
    ticks++;
    timer = setTimeout(tick, ticks < FIRST_TICKS ? FIRST_EVERY_MS : STATS_EVERY_MS);
    timer.unref();
    const proc = current();
    if (!proc?.pid) return;
    if (sampler?.pid !== proc.pid) sampler = { pid: proc.pid, sample: cpuSampler(proc.pid) };
    const { sample } = sampler;
    void (async () => {
      const cpu = proc.paused ? 0 : await sample();
      await recordFfmpegFigures(sessionId, { speed: proc.speed, cpuPercent: cpu });
    })().catch(() => undefined);
  };
  timer = setTimeout(tick, FIRST_EVERY_MS);
  timer.unref();
  return () => clearTimeout(timer);
}

/** Stores a live session's figures and tells the admin sessions page (in the web process) they changed. */
export async function recordFfmpegFigures(sessionId: string, figures: { speed: number | null; cpuPercent: number | null }): Promise<void> {
  const { count } = await db.streamSession.updateMany({
    where: { id: sessionId, status: { in: LIVE_STATUSES } },
    data: { speed: figures.speed, ...(figures.cpuPercent === null ? {} : { cpuPercent: figures.cpuPercent }) },
  });
  if (count > 0) notify(streamSessionUpdated, { sessionId });
}
