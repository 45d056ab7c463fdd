// The worker half of an HLS session run directly (no job runner in this file), with limits small
// enough to watch: ffmpeg is paused when far ahead of the player and resumed when it catches up;
// a damaged file fails the session with a message; a chosen quality and audio track are honoured.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, truncateSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { waitFor } from '@/test/wait-for';
import { runTranscodeSession } from './transcode-job';

const CHROMIUM = { containers: ['mp4'], video: [{ codec: 'h264' }], audio: ['aac'] };
let token: string;
const ids: Record<string, string> = {};

/** Process state letters of the ffmpeg processes whose arguments mention `text` (T = stopped). */
function ffmpegStates(text: string): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('ffmpeg') || !cmd.includes(text)) continue;
      out.push(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0]);
    } catch {
      /* gone */
    }
  }
  return out;
}

async function segment(key: string, n: number) {
  return api('GET', `/api/v1/stream-session/${key}/seg-${String(n).padStart(5, '0')}.ts`, { token });
}

beforeAll(async () => {
  token = (await signUp('worker')).token;
  const root = await copySampleLibrary();
  const { ffmpeg } = await ffmpegInfo();
  const dir = join(root, 'Movies/Long Test (2019)');
  mkdirSync(dir, { recursive: true });
  // 60 s of small HEVC with two audio tracks (English, then German).
  execFileSync(ffmpeg.path, [
    '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=12', '-f', 'lavfi', '-i', 'sine=frequency=440', '-f', 'lavfi', '-i', 'sine=frequency=660',
    '-t', '60', '-map', '0:v', '-map', '1:a', '-map', '2:a', '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-c:a', 'ac3',
    '-metadata:s:a:0', 'language=eng', '-metadata:s:a:1', 'language=ger', join(dir, 'Long Test (2019).mkv'),
  ]);
  // A damaged copy of an episode: the header promises 6 s, the data stops after a third.
  const damaged = join(root, 'Movies/Cut Short (2018)');
  mkdirSync(damaged, { recursive: true });
  const src = join(root, 'TV/Test Card Show/Season 01/Test Card Show - S01E02.mkv');
  const copy = join(damaged, 'Cut Short (2018).mkv');
  writeFileSync(copy, readFileSync(src));
  truncateSync(copy, Math.floor(statSync(copy).size * 0.35));
  const lib = (await api('POST', '/api/v1/library', { token, body: { name: 'm', path: join(root, 'Movies'), type: 'movies' } })).body.id;
  await scanLibrary(lib, {}, await realScanDeps());
  for (const item of await db.mediaItem.findMany()) ids[item.title] = item.id;
}, 120_000);

afterAll(() => removeTestMedia());

describe('a transcode session in the worker', () => {
  it('pauses ffmpeg when it is far ahead of the player and resumes it when the player catches up', async () => {
    const s = await api('POST', '/api/v1/stream-session', { token, body: { media_id: ids['Long Test'], supported_codecs: CHROMIUM } });
    expect(s.body.mode).toBe('transcode');
    const row = await db.streamSession.findUniqueOrThrow({ where: { key: s.body.stream_key } });
    const run = runTranscodeSession(row.id, new AbortController().signal, { throttleSeconds: 9 });
    expect((await segment(s.body.stream_key, 0)).status).toBe(200);
    // More than 9 s (3 segments) ahead of segment 0: stopped.
    await waitFor(() => ffmpegStates(row.id).includes('T'), { what: 'ffmpeg to be paused' });
    // The player moves on: ffmpeg runs again and makes what is asked for.
    expect((await segment(s.body.stream_key, 6)).status).toBe(200);
    await waitFor(() => ffmpegStates(row.id).some((st) => st !== 'T') || ffmpegStates(row.id).length === 0, { what: 'ffmpeg to resume' });
    expect((await segment(s.body.stream_key, 9)).status).toBe(200);
    expect((await api('DELETE', `/api/v1/stream-session/${s.body.stream_key}`, { token })).status).toBe(204);
    const result = await run;
    expect(result).toMatchObject({ ended: 'deleted' });
    expect(result.pauses).toBeGreaterThanOrEqual(1);
    expect(ffmpegStates(row.id)).toEqual([]);
  });

  it('restarts ffmpeg at a segment far past what it is making, on the same timeline', async () => {
    const s = await api('POST', '/api/v1/stream-session', { token, body: { media_id: ids['Long Test'], supported_codecs: CHROMIUM } });
    const row = await db.streamSession.findUniqueOrThrow({ where: { key: s.body.stream_key } });
    const run = runTranscodeSession(row.id, new AbortController().signal, { throttleSeconds: 9 });
    expect((await segment(s.body.stream_key, 0)).status).toBe(200);
    // A seek to 45 s: segment 15, far past the paused run.
    const far = await fetchSegment(s.body.stream_key, 15);
    expect(far.status).toBe(200);
    const out = join(tmpdir(), `marquee-seg15-${process.pid}.ts`);
    writeFileSync(out, far.body);
    const { ffprobe } = await ffmpegInfo();
    const startTime = Number(execFileSync(ffprobe.path, ['-v', 'error', '-show_entries', 'format=start_time', '-of', 'csv=p=0', out], { encoding: 'utf8' }));
    rmSync(out);
    // 15 × 3 s, plus MPEG-TS's constant 1.4 s delay that every run has.
    expect(startTime).toBeGreaterThan(46.2);
    expect(startTime).toBeLessThan(46.6);
    await api('DELETE', `/api/v1/stream-session/${s.body.stream_key}`, { token });
    expect((await run).runs).toBe(2);
  });

  it('transcodes to the chosen quality and audio track', async () => {
    const s = await api('POST', '/api/v1/stream-session', { token, body: { media_id: ids['Long Test'], supported_codecs: CHROMIUM, quality: 'original', audio_index: 2 } });
    expect(s.body.audio_tracks.map((a: { language: string; selected: boolean }) => [a.language, a.selected])).toEqual([['eng', false], ['ger', true]]);
    const row = await db.streamSession.findUniqueOrThrow({ where: { key: s.body.stream_key } });
    const run = runTranscodeSession(row.id, new AbortController().signal);
    const seg = await segment(s.body.stream_key, 0);
    expect(seg.status).toBe(200);
    // The German track is the 660 Hz tone: the map in the running ffmpeg says which stream it took.
    const cmd = execFileSync('pgrep', ['-af', row.id], { encoding: 'utf8' });
    expect(cmd).toContain('-map 0:2');
    expect(cmd).not.toContain('-map 0:1 ');
    await api('DELETE', `/api/v1/stream-session/${s.body.stream_key}`, { token });
    await run;
    // 480p of a 240p file is not an upscale: the quality list does not offer it.
    expect(s.body.qualities).toEqual(['original']);
  });

  it('fails a damaged file with a message the player can show, and cleans up', async () => {
    const s = await api('POST', '/api/v1/stream-session', { token, body: { media_id: ids['Cut Short'], supported_codecs: CHROMIUM } });
    expect(s.status).toBe(200);
    const row = await db.streamSession.findUniqueOrThrow({ where: { key: s.body.stream_key } });
    const run = runTranscodeSession(row.id, new AbortController().signal);
    // What there is of the file comes out as a (short) first segment; the second never can.
    expect((await segment(s.body.stream_key, 0)).status).toBe(200);
    const last = await segment(s.body.stream_key, 1);
    expect(last.status).toBe(500);
    expect(last.body.error).toMatchObject({ code: 'stream_failed', message: expect.stringContaining('ends early or is damaged') });
    expect(await run).toMatchObject({ ended: 'file damaged' });
    expect(ffmpegStates(row.id)).toEqual([]);
  });
});

async function fetchSegment(key: string, n: number): Promise<{ status: number; body: Buffer }> {
  const { matchRoute } = await import('@/test/api');
  const url = new URL(`/api/v1/stream-session/${key}/seg-${String(n).padStart(5, '0')}.ts`, 'http://localhost:3000');
  const match = matchRoute(url.pathname)!;
  const mod = (await import(match.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
  const res = await mod.GET(new Request(url, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(match.params) });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}
