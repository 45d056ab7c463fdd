// startFfmpeg and spawnProcess against a real ffmpeg: pause, resume and stop; a binary that cannot
// start ends `done` with a clear message and throws nothing; a time limit kills.
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startFfmpeg } from './ffmpeg-process';
import { resolveFfmpegBinaries } from './ffmpeg-path';
import { spawnProcess, SpawnError } from './spawn-process';

let ffmpeg: string;

beforeAll(async () => {
  ffmpeg = (await resolveFfmpegBinaries()).ffmpeg.path;
});

/** An ffmpeg that would run forever (silent audio into the null muxer), tagged so we can find it. */
const endless = (marker: string) => ['-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', 'anullsrc', '-metadata', `comment=${marker}`, '-f', 'null', '-'];

/** The process state letter from /proc (R running, S sleeping, T stopped), or null when gone. */
async function state(pid: number): Promise<string | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat ? stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) : null;
}

async function until(check: () => Promise<boolean>, ms = 3_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('startFfmpeg', () => {
  it('pauses, resumes and stops a real ffmpeg; done says we stopped it', async () => {
    const proc = startFfmpeg(ffmpeg, endless(randomUUID()));
    const pid = proc.pid!;
    expect(pid).toBeGreaterThan(0);
    await until(async () => ['R', 'S'].includes((await state(pid)) ?? ''));
    proc.pause();
    expect(proc.paused).toBe(true);
    await until(async () => (await state(pid)) === 'T');
    proc.resume();
    expect(proc.paused).toBe(false);
    await until(async () => (await state(pid)) !== 'T');
    proc.pause(); // stop resumes a paused ffmpeg first
    const exit = await proc.stop();
    expect(exit).toMatchObject({ code: null, signal: 'SIGKILL', stoppedByUs: true });
    expect(await proc.done).toBe(exit);
    expect(await state(pid)).toBeNull();
  });

  it('reports an ffmpeg that fails with its exit code and the end of its error output', async () => {
    const exit = await startFfmpeg(ffmpeg, ['-nostdin', '-loglevel', 'error', '-i', '/nonexistent/input.mkv', '-f', 'null', '-']).done;
    expect(exit.code).not.toBe(0);
    expect(exit.stoppedByUs).toBe(false);
    expect(exit.stderr).toMatch(/No such file or directory/);
  });

  it('a missing or non-executable binary ends done with a clear message, throwing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'marquee-spawn-'));
    try {
      const missing = startFfmpeg(join(dir, 'no-ffmpeg'), endless(randomUUID()));
      expect(missing.pid).toBeUndefined();
      missing.pause();
      missing.resume();
      expect(await missing.done).toEqual({ code: null, signal: null, stderr: `cannot start ${join(dir, 'no-ffmpeg')} (ENOENT)`, stoppedByUs: false });
      const notExecutable = join(dir, 'ffmpeg');
      await writeFile(notExecutable, '#!/bin/sh\n');
      await chmod(notExecutable, 0o644);
      expect((await startFfmpeg(notExecutable, ['-version']).done).stderr).toBe(`cannot start ${notExecutable} (EACCES)`);
      expect((await startFfmpeg(ffmpeg, ['-i', 'nul\0byte']).stop()).stderr).toMatch(/^cannot start .*\(ERR_INVALID_ARG_VALUE\)$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('spawnProcess', () => {
  it('kills on timeout and on abort, and resolves once the process is gone', async () => {
    const timed = spawnProcess(ffmpeg, endless(randomUUID()), { timeoutMs: 300 });
    expect(await timed.done).toMatchObject({ timedOut: true, aborted: false, code: null, signal: 'SIGKILL', spawnError: null });
    expect(await state(timed.pid!)).toBeNull();

    const controller = new AbortController();
    const aborted = spawnProcess(ffmpeg, endless(randomUUID()), { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect(await aborted.done).toMatchObject({ aborted: true, timedOut: false, signal: 'SIGKILL' });
    expect(await state(aborted.pid!)).toBeNull();
    expect(aborted.kill('SIGTERM')).toBe(false);
  });

  it('a missing binary resolves with a SpawnError', async () => {
    const end = await spawnProcess('/nonexistent/ffprobe', []).done;
    expect(end.spawnError).toBeInstanceOf(SpawnError);
    expect(end.spawnError).toMatchObject({ code: 'ENOENT', message: 'cannot start /nonexistent/ffprobe (ENOENT)' });
  });
});
