// A child process that cannot start is an error, never a crash: a real worker process whose
// FFMPEG_PATH stops being executable (chmod -x after its start, so the spawn itself fails with
// EACCES) fails the transcode with a clear error in our shape and the subtitle job as a failed job,
// and keeps beating and running jobs.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { childProcessEnv, config } from '@/lib/config';
import { sessionFor } from '@/lib/stream/session-store';
import { jobQueue } from '@/lib/jobs/job-queue';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { SAMPLE_SUBTITLE_FILE } from '@/lib/media/sample-library';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { subtitleExtractJob } from '@/lib/stream/subtitle-job';
import { systemCleanupJob } from '@/lib/system/system-cleanup-job';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { waitFor } from '@/test/wait-for';

let child: ChildProcess | undefined;
const bin = mkdtempSync(join(tmpdir(), 'marquee-ffbin-'));

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  removeTestMedia();
  rmSync(bin, { recursive: true, force: true });
});

const finished = (id: string) =>
  waitFor(
    async () => {
      const job = await jobQueue().get(id);
      return job && ['completed', 'failed'].includes(job.status) ? job : null;
    },
    { what: `job ${id} to end`, timeoutMs: 60_000 },
  );

describe('a worker whose ffmpeg cannot be started', () => {
  it('fails the transcode with a clear error and stays up', async () => {
    const { id: userId, token } = await signUp('ffadmin');
    const media = await copySampleLibrary();
    const lib = await api('POST', '/api/v1/library', { token, body: { name: 'TV', paths: [join(media, 'TV')], type: 'tv' } });
    await scanLibrary(lib.body.id, {}, await realScanDeps());

    const ffmpeg = join(bin, 'ffmpeg');
    copyFileSync((await ffmpegInfo()).ffmpeg.path, ffmpeg);
    chmodSync(ffmpeg, 0o755);
    const c = config();
    child = spawn(process.execPath, ['--import', 'tsx', 'scanner-worker/main.ts'], {
      env: childProcessEnv(c, { DATABASE_URL: c.db.url, FFMPEG_PATH: ffmpeg, WORKER_HEARTBEAT_MS: '200', JOB_POLL_MS: '50' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    onTestFailed(() => console.error(`worker output:\n${output}`));

    // A first conversion works (and the worker has found its ffmpeg); then the binary stops being executable.
    const srt = join(media, SAMPLE_SUBTITLE_FILE);
    const out = (name: string) => join(c.paths.data, 'cache', `${name}.vtt`);
    const first = await jobQueue().enqueue(subtitleExtractJob, { input: srt, output: out('before') });
    expect((await finished(first.id)).status).toBe('completed');
    chmodSync(ffmpeg, 0o644);

    const second = await jobQueue().enqueue(subtitleExtractJob, { input: srt, output: out('after') });
    const failedJob = await finished(second.id);
    expect(failedJob.status).toBe('failed');
    expect(failedJob.error).toContain(`cannot start ${ffmpeg} (EACCES)`);

    // S01E01 of the sample show, found as a client finds it.
    const show = (await api('GET', '/api/v1/search?q=Test%20Card', { token })).body.find((m: { kind: string }) => m.kind === 'show');
    const seasons = (await api('GET', `/api/v1/tv/${show.id}/season`, { token })).body as { id: string; number: number }[];
    const season = await api('GET', `/api/v1/season/${seasons.find((x) => x.number === 1)!.id}`, { token });
    const episode = (season.body.episodes as { id: string; number: number }[]).find((e) => e.number === 1)!;
    const session = await api('POST', '/api/v1/stream-session', {
      token,
      body: { media_id: episode.id, supported_codecs: { containers: ['mp4'], video: [{ codec: 'h264' }], audio: ['aac'] } },
    });
    expect(session.status).toBe(200);
    expect(session.body.mode).toBe('transcode');
    const segment = await api('GET', `/api/v1/stream-session/${session.body.stream_key}/seg-00000.ts`, { token });
    expect(segment.status).toBe(500);
    expect(segment.body.error).toMatchObject({ code: 'stream_failed', message: expect.stringContaining('EACCES') });
    expect(await sessionFor(userId, session.body.stream_key)).toMatchObject({ status: 'failed' });

    // Still alive: it beats and runs the next job.
    expect(child.exitCode).toBeNull();
    const after = await jobQueue().enqueue(systemCleanupJob, {});
    expect((await finished(after.id)).status).toBe('completed');
    expect(child.exitCode).toBeNull();
    expect(output).not.toMatch(/Uncaught|unhandled/i);
  }, 180_000);
});
