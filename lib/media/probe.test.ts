import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { classifyFailure, FFPROBE_ARGS, ProbeError, probeFile, type ProbeDeps } from './probe';
import type { RunResult } from './run-binary';

const recorded = readFileSync(join(import.meta.dirname, 'fixtures', 'h264-aac.mp4.json'));

const ok: RunResult = { code: 0, stdout: recorded, stderr: '', timedOut: false, overflow: false };
const failed = (stderr: string): RunResult => ({ ...ok, code: 1, stdout: Buffer.from('{}'), stderr });

function deps(run: Partial<RunResult> | Error = {}, file: { isFile?: boolean; size?: number } | NodeJS.ErrnoException = {}) {
  const fake: ProbeDeps = {
    stat: vi.fn(async () => {
      if (file instanceof Error) throw file;
      return { isFile: () => file.isFile ?? true, size: file.size ?? 1000 };
    }),
    run: vi.fn(async () => {
      if (run instanceof Error) throw run;
      return { ...ok, ...run };
    }),
  };
  return fake;
}

const errno = (code: string) => Object.assign(new Error(code), { code });
const probe = (d: ProbeDeps, timeoutMs?: number) => probeFile('/media/Movie (2024).mp4', { ffprobePath: '/usr/bin/ffprobe', timeoutMs }, d);

async function failure(promise: Promise<unknown>): Promise<ProbeError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProbeError);
  return err as ProbeError;
}

describe('probeFile', () => {
  it('runs ffprobe with the recorded arguments on a file: URL and a 30 s default limit', async () => {
    const d = deps();
    const info = await probe(d);
    expect(info.container).toBe('mp4');
    expect(d.run).toHaveBeenCalledWith('/usr/bin/ffprobe', [...FFPROBE_ARGS, 'file:/media/Movie (2024).mp4'], expect.objectContaining({ timeoutMs: 30_000 }));
  });

  it.each([
    ['a missing file', deps({}, errno('ENOENT')), 'unreadable'],
    ['a denied file', deps({}, errno('EACCES')), 'unreadable'],
    ['a directory', deps({}, { isFile: false }), 'unreadable'],
    ['a zero-byte file', deps({}, { size: 0 }), 'empty_file'],
  ])('%s fails before ffprobe runs: %s', async (_, d, reason) => {
    expect((await failure(probe(d))).reason).toBe(reason);
    expect(d.run).not.toHaveBeenCalled();
  });

  it('a timeout says so, with the limit', async () => {
    const err = await failure(probe(deps({ timedOut: true, code: null }), 500));
    expect(err).toMatchObject({ reason: 'timeout', message: 'ffprobe took too long: no answer within 500 ms' });
  });

  it('ffprobe errors keep one line, without the path', async () => {
    const stderr = '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d0] moov atom not found\nfile:/media/Movie (2024).mp4: Invalid data found when processing input\n';
    const err = await failure(probe(deps(failed(stderr))));
    expect(err.reason).toBe('not_media');
    expect(err.detail).toBe('Invalid data found when processing input');
    expect(err.message).toBe('not a media file: Invalid data found when processing input');
    expect(err.message).not.toContain('/media');
  });

  it.each([
    ['file:/x.mkv: Permission denied', 'unreadable'],
    ['file:/x.mkv: No such file or directory', 'unreadable'],
    ['file:/x.mkv: Input/output error', 'unreadable'],
    ['file:/x.mkv: Invalid data found when processing input', 'not_media'],
    ['[matroska,webm @ 0x1] EBML header parsing failed', 'not_media'],
    ['', 'not_media'],
  ])('classifies %j as %s', (stderr, reason) => {
    expect(classifyFailure(stderr)).toBe(reason);
  });

  it.each([
    ['output that is not JSON', { stdout: Buffer.from('garbage') }],
    ['JSON without format or streams', { stdout: Buffer.from('{}') }],
    ['a file with only a subtitle stream', { stdout: Buffer.from(JSON.stringify({ format: { format_name: 'srt' }, streams: [{ index: 0, codec_type: 'subtitle', codec_name: 'subrip' }] })) }],
    ['output over the size limit', { overflow: true, code: null }],
  ])('%s is not media', async (_, run) => {
    expect((await failure(probe(deps(run)))).reason).toBe('not_media');
  });

  it('says ffprobe crashed, and how to fix it, when it dies by a signal it was not sent', async () => {
    const err = await failure(probe(deps({ code: null, stderr: '' })));
    expect(err.reason).toBe('not_media');
    expect(err.message).toMatch(/ffprobe crashed on this file; install a current ffmpeg/);
  });

  it('passes an abort through as the abort reason, not a ProbeError', async () => {
    const reason = new DOMException('stopped', 'AbortError');
    await expect(probe(deps(reason))).rejects.toBe(reason);
  });
});
