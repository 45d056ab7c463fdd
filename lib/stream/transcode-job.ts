// Job `transcode.session`: the worker's half of an HLS stream session. Runs ffmpeg into the
// session's folder and follows the player through events, not by polling the row: a request for a
// segment outside what ffmpeg is making restarts it there, far ahead of the player it pauses, and
// when the session ends, goes idle, or its file vanishes it stops — deleting the folder. Each time
// ffmpeg lists new segments (inotify on the folder) the web hears `stream.changed` at once.
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { notify, subscribe } from '@/lib/events/events';
import { holdBackground } from '@/lib/jobs/background-hold';
import { defineJob } from '@/lib/jobs/define-job';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { servedFile } from '@/lib/scan/served-path';
import { startFfmpeg, type FfmpegExit, type FfmpegProcess } from '@/lib/media/ffmpeg-process';
import { watchFfmpegStats } from './ffmpeg-stats';
import { ffmpegHlsArgs, segmentCount } from './hls';
import { readySegments } from './segment-ready';
import { endSession, failSession, liveTranscodeCount, markRunning, sessionById, sessionDir, sessionState } from './session-store';
import { streamChanged, streamRequested } from './stream-events';

/** A request this many segments past what ffmpeg is writing restarts it there (closer: wait). */
const RESTART_AHEAD = 2;
/** The worker's own clock for idle and vanished-file checks (local state; nothing crosses the seam). */
const TICK_MS = 1_000;

export const transcodeSessionPayload = z.object({ sessionId: z.string().min(1) });

type Run = { start: number; proc: FfmpegProcess; exit: FfmpegExit | null };

/** Lowest segment number ≥ `from` that is not complete yet (what ffmpeg writes next). */
function nextMissing(have: Set<number>, from: number): number {
  let n = from;
  while (have.has(n)) n++;
  return n;
}

function lastLine(text: string): string {
  // ffmpeg's progress lines (`-stats`, for the speed) are not reasons.
  return text.trim().split(/[\r\n]+/).filter((l) => l.trim() && !/^\s*(frame|size)=/.test(l)).pop()?.replace(/file:\/\S+/g, 'the file').slice(0, 300) ?? 'ffmpeg failed';
}

export type SessionLimits = { idleMs: number; throttleSeconds: number };

/** Resolves the next `wait()` once something happened; several kicks before a wait count as one. */
function kicker() {
  let pending = true;
  let wake: (() => void) | null = null;
  return {
    kick() {
      pending = true;
      wake?.();
    },
    async wait() {
      if (!pending) await new Promise<void>((r) => (wake = r));
      wake = null;
      pending = false;
    },
  };
}

export async function runTranscodeSession(
  sessionId: string,
  signal: AbortSignal,
  limits: Partial<SessionLimits> = {},
  log: (m: string) => void = () => undefined,
): Promise<{ ended: string; runs: number; pauses: number }> {
  const c = config();
  const { idleMs, throttleSeconds } = { idleMs: c.stream.idleMs, throttleSeconds: c.stream.throttleSeconds, ...limits };
  const wakeUp = kicker();
  // Listening before the first await: a request made while the session loads is not lost.
  let want: number | null = null;
  let lastRequest = Date.now();
  let endedByWeb = false;
  const offRequested = subscribe(streamRequested, (e) => {
    if (e.sessionId !== sessionId) return;
    lastRequest = Date.now();
    if (e.segment !== undefined) want = e.segment;
    wakeUp.kick();
  });
  const offChanged = subscribe(streamChanged, (e) => {
    if (e.sessionId !== sessionId || e.state !== 'ended') return;
    endedByWeb = true;
    wakeUp.kick();
  });
  const loaded = await (async () => {
    const session = await sessionById(sessionId);
    if (!session) return null;
    // ffmpeg reads only what the app may serve (a symlink swapped after the session began is refused).
    if (!(await servedFile(session.file.path))) throw new Error('the file resolves outside every library folder (a symbolic link pointing elsewhere)');
    await mkdir(sessionDir(session.id), { recursive: true });
    const { ffmpeg } = await ffmpegInfo();
    const preset = (await liveTranscodeCount()) > 1 ? 'ultrafast' : c.stream.preset;
    return { session, ffmpeg, preset };
  })().catch(async (err) => {
    offRequested();
    offChanged();
    if (!(await sessionById(sessionId).catch(() => null))) throw err;
    await failSession(sessionId, `The worker could not start ffmpeg: ${err instanceof Error ? err.message : String(err)}`);
    await endSession(sessionId, { keepFailed: true });
    throw err;
  });
  if (!loaded) {
    offRequested();
    offChanged();
    return { ended: 'gone', runs: 0, pauses: 0 };
  }
  const { session, ffmpeg, preset } = loaded;
  want ??= session.requestedSegment;
  const { plan } = session;
  const transcode = session.mode === 'transcode';
  const total = transcode ? segmentCount(plan.duration, plan.segmentSeconds) : Infinity;
  const dir = sessionDir(session.id);

  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, (_event, name) => {
      if (name && String(name).includes('.m3u8')) wakeUp.kick();
    });
    watcher.on('error', () => undefined);
  } catch {
    /* no inotify: the tick below still finds new segments, a second later */
  }
  const tick = setInterval(() => wakeUp.kick(), TICK_MS);
  const onAbort = () => wakeUp.kick();
  signal.addEventListener('abort', onAbort, { once: true });

  let run: Run | null = null;
  let runs = 0;
  let pauses = 0;
  let announced = 0;
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
    // A segment cut short by the restart is left behind (as a temp file, or in place by old builds,
    // never listed): remove temp files; in-place ones are rewritten by the new run.
    for (const name of await readdir(dir).catch(() => [] as string[])) if (name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
    const args = ffmpegHlsArgs({ input: session.file.path, decision: plan.decision, outDir: dir, startSegment: segment, preset });
    const proc = startFfmpeg(ffmpeg.path, args);
    const current: Run = { start: segment, proc, exit: null };
    void proc.done.then((exit) => {
      current.exit = exit;
      wakeUp.kick();
    });
    run = current;
    runs++;
    log(`[stream] ${session.id}: ffmpeg ${session.mode} from segment ${segment}`);
  };

  /** One look at everything; returns why the session ends, or null to keep going. */
  const step = async (): Promise<string | null> => {
    if (endedByWeb) return 'deleted';
    if (Date.now() - lastRequest > idleMs) {
      // The fallback for a lost event: the web also writes the time of the last request to the row.
      const row = await sessionState(session.id);
      if (!row || row.status === 'ended') return 'deleted';
      lastRequest = Math.max(lastRequest, row.lastRequestAt.getTime());
      if (Date.now() - lastRequest > idleMs) return 'idle';
    }
    if (!(await stat(session.file.path).then(() => true, () => false))) {
      await failSession(session.id, 'The file was deleted or moved while it was streaming.');
      return 'file gone';
    }
    const cur: Run = run!;
    if (cur.exit && !cur.exit.stoppedByUs && cur.exit.code !== 0) {
      await failSession(session.id, `ffmpeg could not convert this file: ${lastLine(cur.exit.stderr)}`);
      return 'ffmpeg failed';
    }
    const have = await readySegments(dir);
    if (have.size !== announced) {
      announced = have.size;
      notify(streamChanged, { sessionId: session.id, state: 'running' });
    }
    const target = Math.min(want ?? 0, total - 1);
    const next = nextMissing(have, cur.start);
    // The run ended cleanly right where the wanted segment should be: the file is shorter than its
    // header says (truncated or damaged). Say so instead of letting the player wait.
    if (transcode && cur.exit && target >= cur.start && target === next) {
      // The run may have ended while the segments were read: a failed one (ffmpeg could not even
      // start) is said as such, not taken for a short file.
      if (!cur.exit.stoppedByUs && cur.exit.code !== 0) {
        await failSession(session.id, `ffmpeg could not convert this file: ${lastLine(cur.exit.stderr)}`);
        return 'ffmpeg failed';
      }
      await failSession(session.id, `ffmpeg made no segment ${target}: the file ends early or is damaged.`);
      return 'file damaged';
    }
    if (transcode && !have.has(target) && (target < cur.start || target > next + RESTART_AHEAD || cur.exit)) {
      await start(target);
      return null;
    }
    // Throttle: far enough ahead of the player → pause ffmpeg; close again → resume.
    const aheadSeconds = (next - target) * plan.segmentSeconds;
    holding(!cur.exit && !cur.proc.paused);
    if (!cur.exit) {
      if (aheadSeconds > throttleSeconds && !cur.proc.paused) {
        cur.proc.pause();
        pauses++;
      } else if (aheadSeconds <= throttleSeconds / 2 && cur.proc.paused) cur.proc.resume();
    }
    return null;
  };

  let ended = 'worker stopping';
  const stopStats = watchFfmpegStats(session.id, () => (run as Run | null)?.proc ?? null);
  try {
    holding(true);
    await start(transcode ? (want ?? 0) : 0);
    await markRunning(session.id);
    for (;;) {
      await wakeUp.wait();
      if (signal.aborted) break;
      const why = await step();
      if (why) {
        ended = why;
        break;
      }
    }
  } finally {
    stopStats();
    offRequested();
    offChanged();
    watcher?.close();
    clearInterval(tick);
    signal.removeEventListener('abort', onAbort);
    holding(false);
    const last = run as Run | null;
    if (last) await last.proc.stop();
    await rm(dir, { recursive: true, force: true });
    await endSession(session.id, { keepFailed: true });
    log(`[stream] ${session.id}: ended (${ended}) after ${runs} ffmpeg run(s)`);
  }
  return { ended, runs, pauses };
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
