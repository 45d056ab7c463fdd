import { describe, expect, it, vi } from 'vitest';
import { defaultFrameTime, FrameGrabError, frameGrabArgs, grabFrame } from './frame-grab';
import type { RunResult } from './run-binary';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const ok: RunResult = { code: 0, stdout: JPEG, stderr: '', timedOut: false, overflow: false };
const fakeRun = (result: Partial<RunResult>) => ({ run: vi.fn(async () => ({ ...ok, ...result })) });
const grab = (deps: ReturnType<typeof fakeRun>, at = 5) => grabFrame('/media/a.mkv', at, { ffmpegPath: 'ffmpeg', timeoutMs: 900 }, deps);

const after = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('frameGrabArgs', () => {
  it('seeks on the input, takes one frame of the first real video stream, writes MJPEG to stdout', () => {
    const args = frameGrabArgs('file:/m/a.mkv', 12.3456);
    expect(after(args, '-ss')).toBe('12.346');
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i'));
    expect(after(args, '-i')).toBe('file:/m/a.mkv');
    expect(after(args, '-map')).toBe('0:V:0'); // capital V: not cover art
    expect(after(args, '-frames:v')).toBe('1');
    expect(after(args, '-c:v')).toBe('mjpeg');
    expect(args[args.length - 1]).toBe('pipe:1');
    expect(after(args, '-vf')).toContain('min(640,iw*sar)');
  });

  it.each([
    [{ width: 320 }, 'min(320,iw*sar)', false],
    [{ toneMap: true }, 'min(640,iw*sar)', true],
  ])('%j', (options, scale, tonemapped) => {
    const vf = after(frameGrabArgs('in', 0, options), '-vf');
    expect(vf).toContain(scale);
    expect(vf.includes('tonemap=')).toBe(tonemapped);
  });

  it('maps an explicit stream and clamps negative times', () => {
    const args = frameGrabArgs('in', -3, { streamIndex: 2 });
    expect(after(args, '-map')).toBe('0:2');
    expect(after(args, '-ss')).toBe('0.000');
  });
});

describe('defaultFrameTime', () => {
  it.each([
    [7200, 720],
    [2, 0.2],
    [null, 0],
    [0, 0],
  ])('duration %s → %s s', (duration, at) => {
    expect(defaultFrameTime(duration)).toBe(at);
  });
});

describe('grabFrame', () => {
  it('returns the JPEG ffmpeg wrote, with the timeout passed on', async () => {
    const deps = fakeRun({});
    expect(await grab(deps)).toEqual(JPEG);
    expect(deps.run).toHaveBeenCalledWith('ffmpeg', expect.arrayContaining(['file:/media/a.mkv']), expect.objectContaining({ timeoutMs: 900 }));
  });

  it.each([
    ['a timeout', { timedOut: true, code: null }, 'timeout'],
    ['no output (seek past the end)', { stdout: Buffer.alloc(0) }, 'no_frame'],
    ['output that is not a JPEG', { stdout: Buffer.from('hello') }, 'failed'],
    ['an ffmpeg error', { code: 1, stdout: Buffer.alloc(0), stderr: 'file:/media/a.mkv: Invalid data found when processing input' }, 'failed'],
    ['a vanished file', { code: 1, stdout: Buffer.alloc(0), stderr: 'file:/media/a.mkv: No such file or directory' }, 'unreadable'],
  ])('%s → %s', async (_, result, reason) => {
    const err = await grab(fakeRun(result)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FrameGrabError);
    expect(err).toMatchObject({ reason });
    expect((err as Error).message).not.toContain('/media/a.mkv');
  });
});
