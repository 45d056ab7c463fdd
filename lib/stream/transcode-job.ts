// Job `transcode.session`: the worker's half of an HLS stream session. Runs ffmpeg into the
// session's folder and follows the player through the session row: restarts ffmpeg at a segment
// asked for outside what it is making, pauses it when it is far ahead, and stops it — deleting
// the folder — when the session is deleted, idle, or its file vanishes.
import { readdir, rm, stat, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { holdBackground } from '@/lib/jobs/background-hold';
import { defineJob } from '@/lib/jobs/define-job';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { startFfmpeg, type FfmpegExit, type FfmpegProcess } from '@/lib/media/ffmpeg-process';
import { ffmpegHlsArgs, SEGMENT_PATTERN, segmentCount } from './hls';
import type { StreamPlan } from './sessions';

const CHECK_MS = 150;
/** A request this many segments past what ffmpeg is writing restarts it there (closer: wait). */
const RESTART_AHEAD = 2;

export const transcodeSessionPayload = z.object({ sessionId: z.string().min(1) });

type Run = { start: number; proc: FfmpegProcess; exit: FfmpegExit | null };

/** Lowest segment number ≥ `from` that does not exist yet (what ffmpeg writes next). */
function nextMissing(have: Set<number>, from: number): number {
  let n = from;
  while (have.has(n)) n++;
  return n;
}

async function segmentsIn(dir: string): Promise<Set<number>> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const out = new Set<number>();
  for (const name of names) {
    const m = SEGMENT_PATTERN.exec(name);
    if (m) out.add(Number(m[1]));
  }
  return out;
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).pop()?.replace(/file:\/\S+/g, 'the file').slice(0, 300) ?? 'ffmpeg failed';
}

export type SessionLimits = { idleMs: number; throttleSeconds: number };

export async function runTranscodeSession(
  sessionId: string,
  signal: AbortSignal,
  limits: Partial<SessionLimits> = {},
  log: (m: string) => void = () => undefined,
): Promise<{ ended: string; runs: number; pauses: number }> {
  const c = config();
  const { idleMs, throttleSeconds } = { idleMs: c.stream.idleMs, throttleSeconds: c.stream.throttleSeconds, ...limits };
  const session = await db.streamSession.findUnique({ where: { id: sessionId }, include: { file: { select: { path: true } } } });
  if (!session || session.status === 'ended') return { ended: 'gone', runs: 0, pauses: 0 };
  const plan = session.plan as unknown as StreamPlan;
  const transcode = session.mode === 'transcode';
  const total = transcode ? segmentCount(plan.duration, plan.segmentSeconds) : Infinity;
  const dir = join(c.paths.transcode, session.id);
  await mkdir(dir, { recursive: true });
  const { ffmpeg } = await ffmpegInfo();
  const preset = (await liveTranscodeCount()) > 1 ? 'ultrafast' : c.stream.preset;

  let run: Run | null = null;
  let runs = 0;
  let pauses = 0;
  // While a transcode's ffmpeg is working, background jobs (previews, artwork) wait.
  let release: (() => void) | null = null;
  const holding = (on: boolean) => {
    if (on && !release && transcode) release = holdBackground();
    if (!on && release) {
      release();
      release = null;
    }
  };
  const start = async (segment: number) => {
    if (run) await run.proc.stop();
    // A segment cut short by the restart is left as a temp file: remove it.
    for (const name of await readdir(dir).catch(() => [] as string[])) if (name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
    const args = ffmpegHlsArgs({ input: session.file.path, decision: plan.decision, outDir: dir, startSegment: segment, preset });
    const proc = startFfmpeg(ffmpeg.path, args);
    const current: Run = { start: segment, proc, exit: null };
    void proc.done.then((exit) => (current.exit = exit));
    run = current;
    runs++;
    log(`[stream] ${session.id}: ffmpeg ${session.mode} from segment ${segment}`);
  };

  let ended = 'deleted';
  try {
    holding(true);
    await start(transcode ? session.requestedSegment : 0);
    // Only a session still starting becomes running: one deleted meanwhile stays ended.
    await db.streamSession.updateMany({ where: { id: session.id, status: 'starting' }, data: { status: 'running' } });
    while (!signal.aborted) {
      await new Promise((r) => setTimeout(r, CHECK_MS));
      const row = await db.streamSession.findUnique({ where: { id: session.id }, select: { status: true, requestedSegment: true, lastRequestAt: true } });
      if (!row || row.status === 'ended') break;
      if (Date.now() - row.lastRequestAt.getTime() > idleMs) {
        ended = 'idle';
        break;
      }
      if (!(await stat(session.file.path).then(() => true, () => false))) {
        await fail(session.id, 'The file was deleted or moved while it was streaming.');
        ended = 'file gone';
        break;
      }
      const cur: Run = run!;
      if (cur.exit && !cur.exit.stoppedByUs && cur.exit.code !== 0) {
        await fail(session.id, `ffmpeg could not convert this file: ${lastLine(cur.exit.stderr)}`);
        ended = 'ffmpeg failed';
        break;
      }
      const have = await segmentsIn(dir);
      const want = Math.min(row.requestedSegment, total - 1);
      const next = nextMissing(have, cur.start);
      // The run ended cleanly right where the wanted segment should be: the file is shorter than its
      // header says (truncated or damaged). Say so instead of letting the player wait.
      if (transcode && cur.exit && want >= cur.start && want === next) {
        await fail(session.id, `ffmpeg made no segment ${want}: the file ends early or is damaged.`);
        ended = 'file damaged';
        break;
      }
      if (transcode && !have.has(want) && (want < cur.start || want > next + RESTART_AHEAD || cur.exit)) {
        await start(want);
        continue;
      }
      // Throttle: far enough ahead of the player → pause ffmpeg; close again → resume.
      const aheadSeconds = (next - want) * plan.segmentSeconds;
      holding(!cur.exit && !cur.proc.paused);
      if (!cur.exit) {
        if (aheadSeconds > throttleSeconds && !cur.proc.paused) {
          cur.proc.pause();
          pauses++;
        } else if (aheadSeconds <= throttleSeconds / 2 && cur.proc.paused) cur.proc.resume();
      }
    }
    if (signal.aborted) ended = 'worker stopping';
  } finally {
    holding(false);
    const last = run as Run | null;
    if (last) await last.proc.stop();
    await rm(dir, { recursive: true, force: true });
    await db.streamSession.updateMany({ where: { id: session.id, status: { in: ['starting', 'running'] } }, data: { status: 'ended', endedAt: new Date() } });
    log(`[stream] ${session.id}: ended (${ended}) after ${runs} ffmpeg run(s)`);
  }
  return { ended, runs, pauses };
}

async function fail(id: string, error: string) {
  await db.streamSession.update({ where: { id }, data: { status: 'failed', error } });
}

async function liveTranscodeCount(): Promise<number> {
  return db.streamSession.count({ where: { mode: 'transcode', status: { in: ['starting', 'running'] } } });
}

export const transcodeSessionJob = defineJob({
  name: 'transcode.session',
  schema: transcodeSessionPayload,
  dedupeKey: (p) => `stream:${p.sessionId}`,
  maxAttempts: 1,
  dedicated: true,
  async handle(payload, ctx) {
    return runTranscodeSession(payload.sessionId, ctx.signal, {}, (m) => console.log(m));
  },
});

/** At worker start: sessions no worker runs any more end, and folders of ended sessions go. */
export async function cleanupStreamLeftovers(): Promise<{ sessions: number; folders: number }> {
  const live = await db.streamSession.findMany({ where: { status: { in: ['starting', 'running'] } }, select: { id: true, mode: true, jobId: true, lastRequestAt: true } });
  const longIdle = Date.now() - 2 * config().stream.idleMs;
  let sessions = 0;
  for (const s of live) {
    if (s.mode === 'direct') {
      if (s.lastRequestAt.getTime() < longIdle) await db.streamSession.update({ where: { id: s.id }, data: { status: 'ended', endedAt: new Date() } });
      continue;
    }
    const job = s.jobId ? await db.job.findUnique({ where: { id: s.jobId }, select: { status: true } }) : null;
    if (!job || !['queued', 'running'].includes(job.status) || s.lastRequestAt.getTime() < longIdle) {
      await db.streamSession.update({ where: { id: s.id }, data: { status: 'ended', endedAt: new Date() } });
      sessions++;
    }
  }
  const keep = new Set((await db.streamSession.findMany({ where: { status: { in: ['starting', 'running'] } }, select: { id: true } })).map((s) => s.id));
  const root = config().paths.transcode;
  let folders = 0;
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (keep.has(name)) continue;
    await rm(join(root, name), { recursive: true, force: true });
    folders++;
  }
  return { sessions, folders };
}
