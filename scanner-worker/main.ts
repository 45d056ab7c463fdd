// The sidecar worker process (`tsx scanner-worker/main.ts`): runs queued jobs until SIGINT/SIGTERM.
import { loadConfigOrExit } from '@/lib/config';
import { jobQueue } from '@/lib/jobs/job-queue';
import { jobDefinitions, jobPipeline, scheduledJobs } from './jobs';
import { startWorker, type Worker } from '@/lib/jobs/start-worker';
import { ffmpegCapabilities } from '@/lib/media/ffmpeg-capabilities';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { ensureSampleLibrary } from '@/lib/media/sample-library';
import { migrate } from '@/lib/migrate';
import { startLibraryWatching } from '@/lib/scan/watch-libraries';
import { cleanupStreamLeftovers } from '@/lib/stream/transcode-job';
import { startTraktWorker } from '@/lib/trakt/trakt-worker';

const c = loadConfigOrExit();

let worker: Worker;
try {
  await migrate(c.db);
  const leftovers = await cleanupStreamLeftovers();
  if (leftovers.sessions || leftovers.folders) console.log(`[worker] ended ${leftovers.sessions} stale stream session(s), removed ${leftovers.folders} transcode folder(s)`);
  worker = await startWorker({
    queue: jobQueue(),
    definitions: jobDefinitions,
    pipeline: jobPipeline,
    scheduled: scheduledJobs(),
    heartbeatMs: c.worker.heartbeatMs,
    pollMs: c.worker.pollMs,
    log: console,
  });
} catch (err) {
  console.error(`[worker] cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

console.log(`[worker] ready (id ${worker.workerId}, ${worker.jobTypes} job types)`);
// Say at start what the ffmpeg in use cannot do (also in /api/health and Admin → System).
ffmpegCapabilities()
  .then((caps) => {
    for (const f of caps.features) if (!f.ok) console.warn(`[worker] ${f.reason}`);
    if (caps.fix) console.warn(`[worker] ${caps.fix}`);
  })
  .catch((err) => console.error(`[worker] ffmpeg capability probe failed: ${err instanceof Error ? err.message : err}`));

const trakt = startTraktWorker(console);

const watching = startLibraryWatching({
  workerId: worker.workerId,
  intervalMs: c.worker.heartbeatMs,
  periodicScanMs: c.scan.periodicMs,
  stableMs: c.scan.watchStableMs,
  log: console,
});

// A newcomer gets something to look at: a few seconds of ffmpeg on a fresh DATA_DIR, in the background.
const sampleAbort = new AbortController();
if (c.sampleLibrary) {
  (async () => {
    const { ffmpeg } = await ffmpegInfo();
    const started = Date.now();
    const result = await ensureSampleLibrary(c.paths.sampleMedia, { ffmpegPath: ffmpeg.path, signal: sampleAbort.signal });
    for (const warning of result.warnings) console.warn(`[worker] sample library: ${warning}`);
    if (result.created) console.log(`[worker] sample library generated in ${result.dir} (${Date.now() - started} ms)`);
  })().catch((err) => {
    if (!sampleAbort.signal.aborted) console.error(`[worker] could not generate the sample library: ${err instanceof Error ? err.message : err}`);
  });
}

let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) {
    console.error(`[worker] ${signal} again: exiting without waiting for running jobs`);
    process.exit(1);
  }
  stopping = true;
  console.log(`[worker] ${signal}: stopping`);
  sampleAbort.abort();
  await trakt.stop().catch((err) => console.error('[worker] Trakt pusher did not stop cleanly', err));
  await watching.stop().catch((err) => console.error('[worker] watchers did not stop cleanly', err));
  try {
    await worker.stop();
  } catch (err) {
    console.error('[worker] unclean stop', err);
    process.exit(1);
  }
  process.exit(0);
}

process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
