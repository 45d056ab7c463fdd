import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveFfmpegBinaries } from './ffmpeg-path';
import { runBinary, SpawnError } from './run-binary';

let ffmpeg: string;

beforeAll(async () => {
  ffmpeg = (await resolveFfmpegBinaries()).ffmpeg.path;
});

/** An ffmpeg that would run forever (silent audio into the null muxer), tagged so we can find it. */
const endless = (marker: string) => ['-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', 'anullsrc', '-metadata', `comment=${marker}`, '-f', 'null', '-'];

/** Whether any process still has `marker` on its command line. */
async function running(marker: string): Promise<boolean> {
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(marker)) return true;
  }
  return false;
}

describe('runBinary', () => {
  it('captures stdout and the exit code', async () => {
    const result = await runBinary(ffmpeg, ['-hide_banner', '-version'], { timeoutMs: 5_000 });
    expect(result).toMatchObject({ code: 0, timedOut: false, overflow: false });
    expect(result.stdout.toString()).toMatch(/^ffmpeg version/);
  });

  it('an unbounded timeout does not fire at once (setTimeout overflow)', async () => {
    const result = await runBinary(ffmpeg, ['-hide_banner', '-version'], { timeoutMs: Number.POSITIVE_INFINITY });
    expect(result).toMatchObject({ code: 0, timedOut: false });
  });

  it('kills the process on timeout and resolves only once it is gone', async () => {
    const marker = randomUUID();
    const started = performance.now();
    const result = await runBinary(ffmpeg, endless(marker), { timeoutMs: 300 });
    expect(result).toMatchObject({ timedOut: true, code: null });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(await running(marker)).toBe(false);
  });

  it('kills the process on abort and rejects with the reason', async () => {
    const marker = randomUUID();
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const run = runBinary(ffmpeg, endless(marker), { timeoutMs: 30_000, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 200));
    expect(await running(marker)).toBe(true); // the check below can see a live process
    controller.abort(reason);
    await expect(run).rejects.toBe(reason);
    expect(await running(marker)).toBe(false);
  });

  it('does not start at all when already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(runBinary(ffmpeg, ['-version'], { timeoutMs: 1_000, signal: controller.signal })).rejects.toThrow('too late');
  });

  it('stops a process whose output passes the limit', async () => {
    const args = ['-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', 'anullsrc', '-f', 's16le', 'pipe:1'];
    const result = await runBinary(ffmpeg, args, { timeoutMs: 10_000, maxStdoutBytes: 64 * 1024 });
    expect(result.overflow).toBe(true);
    expect(result.stdout.length).toBeLessThanOrEqual(64 * 1024);
  });

  it('a missing binary is a SpawnError', async () => {
    await expect(runBinary('/nonexistent/ffprobe', [], { timeoutMs: 1_000 })).rejects.toBeInstanceOf(SpawnError);
  });
});
