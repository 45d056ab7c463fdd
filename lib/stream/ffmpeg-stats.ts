// Live figures of a running transcode, measured by the process that runs ffmpeg (the worker) and
// kept on the session row for the admin sessions page: speed (× real time, from ffmpeg's progress
// line) and CPU (% of one core, from /proc/<pid>/stat). Every second while ffmpeg runs.
import { db } from '@/lib/db';
import { cpuSampler } from '@/lib/media/process-cpu';
import type { FfmpegProcess } from '@/lib/media/ffmpeg-process';

export const STATS_EVERY_MS = 1_000;

export function watchFfmpegStats(sessionId: string, current: () => FfmpegProcess | null): () => void {
  let sampler: { pid: number; sample: () => Promise<number | null> } | null = null;
  const timer = setInterval(() => {
    const proc = current();
    if (!proc?.pid) return;
    if (sampler?.pid !== proc.pid) sampler = { pid: proc.pid, sample: cpuSampler(proc.pid) };
    const { sample } = sampler;
    void (async () => {
      const cpu = proc.paused ? 0 : await sample();
      await db.streamSession.updateMany({ where: { id: sessionId, status: { in: ['starting', 'running'] } }, data: { speed: proc.speed, ...(cpu === null ? {} : { cpuPercent: cpu }) } });
    })().catch(() => undefined);
  }, STATS_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
