// Background renditions: a library with a 2-rung ladder gets HLS renditions of its new file from
// media.renditions (with progress), and a stream session then serves the ladder's master playlist
// instead of a live transcode. Run a second time with the bundled 2018 ffmpeg (scripts/test.sh).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { holdBackground } from '@/lib/jobs/background-hold';
import { config } from '@/lib/config';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { api, signUp } from '@/test/api';
import { fixtureFfmpeg } from '@/test/fixture-ffmpeg';
import { waitFor } from '@/test/wait-for';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { capabilitiesSchema } from './capabilities';
import { renditionsDir, renditionsJob } from './renditions-job';

const CHROMIUM = capabilitiesSchema.parse({
  containers: ['mp4', 'webm'],
  video: [{ codec: 'h264', profiles: ['Constrained Baseline', 'Baseline', 'Main', 'High'], max_level: 5.2 }],
  audio: ['aac', 'mp3', 'opus'],
  hls: true,
});

let token: string;
let libraryId: string;
let movieId: string;
let root: string;

/** The renditions ffmpeg processes: pid, state letter (T = stopped) and nice value, from /proc. */
function renditionProcesses(): { pid: number; state: string; nice: number }[] {
  const out: { pid: number; state: string; nice: number }[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes(config().paths.renditions) || !cmd.includes('ffmpeg')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      out.push({ pid: Number(pid), state: fields[0], nice: Number(fields[16]) });
    } catch {
      /* gone */
    }
  }
  return out;
}

beforeAll(async () => {
  token = (await signUp('ladder')).token;
  await api('PATCH', '/api/v1/admin/settings', { token, body: { registration: 'open' } });
  root = await copySampleLibrary();
  const dir = join(root, 'Ladder/Ladder Film (2022)');
  mkdirSync(dir, { recursive: true });
  // 720p H.264 with AC-3 in Matroska: Chromium cannot play it as it is (a live transcode or remux otherwise).
  execFileSync(await fixtureFfmpeg(), ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=24', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', '4', '-map', '0:v', '-map', '1:a', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'ac3', join(dir, 'Ladder Film (2022).mkv')]);
  const lib = await api('POST', '/api/v1/library', { token, body: { name: 'Ladder', path: join(root, 'Ladder'), type: 'movies' } });
  expect(lib.status).toBe(201);
  libraryId = lib.body.id;
  const edited = await api('PATCH', `/api/v1/library/${libraryId}`, { token, body: { rendition_ladder: '720,480' } });
  expect(edited.status).toBe(200);
  expect(edited.body.rendition_ladder).toBe('720,480');
  await scanLibrary(libraryId, {}, await realScanDeps());
  movieId = (await db.mediaItem.findFirstOrThrow({ where: { libraryId, kind: 'movie' } })).id;
}, 120_000);

afterAll(() => removeTestMedia());

describe('background renditions', () => {
  it('refuses a ladder that is not one of the offered ones', async () => {
    const res = await api('PATCH', `/api/v1/library/${libraryId}`, { token, body: { rendition_ladder: '4320' } });
    expect(res.status).toBe(400);
  });

  it('makes a 2-rung HLS ladder with a master playlist, reporting progress, and a session serves it', async () => {
    const before = await api('POST', '/api/v1/stream-session', { token, body: { media_id: movieId, supported_codecs: CHROMIUM } });
    expect(before.status).toBe(200);
    expect(before.body.mode).not.toBe('renditions');
    await api('DELETE', `/api/v1/stream-session/${before.body.stream_key}`, { token });

    // Choosing the ladder queued the job; the library's progress shows it.
    expect((await api('GET', `/api/v1/library/${libraryId}/scan`, { token })).body.renditions).toMatchObject({ status: 'queued' });
    const progress: number[] = [];
    const ctx = { jobId: 'test', signal: new AbortController().signal, progress: async (f: number) => void progress.push(f) };
    const result = await renditionsJob.handle(renditionsJob.schema.parse({ libraryId }), ctx);
    expect(result).toEqual({ files: 1, made: 1 });
    expect(progress.at(-1)).toBe(1);
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true);

    const file = await db.mediaFile.findFirstOrThrow({ where: { libraryId } });
    const dir = renditionsDir(file.id);
    const master = readFileSync(join(dir, 'master.m3u8'), 'utf8');
    expect(master.match(/#EXT-X-STREAM-INF/g)).toHaveLength(2);
    expect(master).toContain('RESOLUTION=1280x720');
    expect(master).toContain('RESOLUTION=854x480');
    expect(readFileSync(join(dir, 'r480.m3u8'), 'utf8')).toContain('#EXT-X-ENDLIST');
    expect(existsSync(`${dir}.part`)).toBe(false);
    // The 480p rung really is 480 lines of H.264 with AAC.
    const { ffprobe } = await ffmpegInfo();
    const probed = JSON.parse(execFileSync(ffprobe.path, ['-v', 'error', '-print_format', 'json', '-show_streams', join(dir, 'r480_00000.ts')], { encoding: 'utf8' })) as { streams: { codec_name: string; height?: number }[] };
    expect(probed.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(probed.streams.find((s) => s.codec_name === 'h264')?.height).toBe(480);

    // A second run has nothing left to do.
    expect(await renditionsJob.handle(renditionsJob.schema.parse({ libraryId }), ctx)).toEqual({ files: 0, made: 0 });

    const session = await api('POST', '/api/v1/stream-session', { token, body: { media_id: movieId, supported_codecs: CHROMIUM } });
    expect(session.status).toBe(200);
    expect(session.body.mode).toBe('renditions');
    const key = session.body.stream_key as string;
    const root = await api('GET', `/api/v1/stream-session/${key}`, { token });
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toContain('mpegurl');
    expect(root.body).toContain(`${key}/r720.m3u8`);
    expect(root.body).toContain(`${key}/r480.m3u8`);
    const rung = await api('GET', `/api/v1/stream-session/${key}/r480.m3u8`, { token });
    expect(rung.status).toBe(200);
    expect(rung.body).toContain('r480_00000.ts');
    const segment = await api('GET', `/api/v1/stream-session/${key}/r480_00000.ts`, { token });
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    expect((await api('GET', `/api/v1/stream-session/${key}/master.m3u8.bak`, { token })).status).toBe(400);
    expect((await api('GET', `/api/v1/stream-session/${key}/r999.m3u8`, { token })).status).toBe(404);
    const stranger = await signUp('ladder-stranger');
    expect((await api('GET', `/api/v1/stream-session/${key}/r480.m3u8`, { token: stranger.token })).status).toBe(404);
    await api('DELETE', `/api/v1/stream-session/${key}`, { token });
  }, 180_000);

  it('runs ffmpeg at the lowest CPU priority and pauses it while a live transcode holds the CPU', async () => {
    const dir = join(root, 'Ladder/Second Film (2023)');
    mkdirSync(dir, { recursive: true });
    execFileSync(await fixtureFfmpeg(), ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=24', '-t', '20', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', join(dir, 'Second Film (2023).mkv')]);
    await scanLibrary(libraryId, {}, await realScanDeps());
    const release = holdBackground();
    const ctx = { jobId: 'test', signal: new AbortController().signal, progress: async () => undefined };
    const job = renditionsJob.handle(renditionsJob.schema.parse({ libraryId }), ctx);
    try {
      const paused = await waitFor(() => renditionProcesses().find((p) => p.state === 'T'), { timeoutMs: 30_000, what: 'a paused renditions ffmpeg' });
      expect(paused.nice).toBe(19);
    } finally {
      release();
    }
    await waitFor(() => renditionProcesses().every((p) => p.state !== 'T'), { timeoutMs: 10_000, what: 'the renditions ffmpeg to resume' });
    expect(await job).toEqual({ files: 1, made: 1 });
  }, 180_000);
});
