// Stream sessions end to end below the browser: real files (the sample library plus a few made
// here), real ffmpeg run by the real job runner in this process, the real route handlers.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withEnv } from '@/test/config-env';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { jobQueue } from '@/lib/jobs/job-queue';
import { jobDefinitions } from '@/scanner-worker/jobs';
import { createRegistry } from '@/lib/jobs/registry';
import { startJobRunner, type JobRunner } from '@/lib/jobs/runner';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { waitFor } from '@/test/wait-for';
import { capabilitiesSchema } from './capabilities';

const CHROMIUM = capabilitiesSchema.parse({
  containers: ['mp4', 'webm'],
  video: [{ codec: 'h264', profiles: ['Constrained Baseline', 'Baseline', 'Main', 'High'], max_level: 5.2 }, { codec: 'vp9' }],
  audio: ['aac', 'mp3', 'opus', 'flac'],
});

let owner: { token: string };
let other: { token: string };
let root: string;
let runner: JobRunner;
const ids: Record<string, string> = {};
const open: string[] = [];

function ffmpegPids(dir: string): number[] {
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = execFileSync('cat', [`/proc/${pid}/cmdline`], { encoding: 'utf8' });
      if (cmd.includes(dir) && cmd.includes('ffmpeg')) out.push(Number(pid));
    } catch {
      /* gone */
    }
  }
  return out;
}

async function start(mediaId: string, extra: Record<string, unknown> = {}, token = owner.token) {
  const res = await api('POST', '/api/v1/stream-session', { token, body: { media_id: mediaId, supported_codecs: CHROMIUM, ...extra } });
  if (res.status === 200) open.push(res.body.stream_key);
  return res;
}

const sessionDir = async (key: string) => join(config().paths.transcode, (await db.streamSession.findUniqueOrThrow({ where: { key } })).id);

beforeAll(async () => {
  owner = await signUp('streamer');
  await api('PATCH', '/api/v1/admin/settings', { token: owner.token, body: { registration: 'open' } });
  other = await signUp('neighbour');
  root = await copySampleLibrary();
  const { ffmpeg } = await ffmpegInfo();
  const inputs = ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=24', '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=48000'];
  const src = [...inputs, '-t', '6', '-map', '0:v', '-map', '1:a', '-g', '48'];
  const remux = join(root, 'Movies/Copy Me (2020)');
  mkdirSync(remux, { recursive: true });
  execFileSync(ffmpeg.path, ['-v', 'error', ...src, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'ac3', join(remux, 'Copy Me (2020).mkv')]);
  const subs = join(root, 'Movies/Embedded Subs (2021)');
  mkdirSync(subs, { recursive: true });
  const srt = join(tmpdir(), `marquee-sub-${process.pid}.srt`);
  writeFileSync(srt, '1\n00:00:01,000 --> 00:00:03,000\nInside the file.\n');
  execFileSync(ffmpeg.path, ['-v', 'error', ...inputs, '-i', srt, '-t', '6', '-map', '0:v', '-map', '1:a', '-map', '2:s', '-g', '48', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-c:s', 'srt', '-metadata:s:s:0', 'language=fre', join(subs, 'Embedded Subs (2021).mkv')]);
  rmSync(srt);

  const lib = async (path: string, type: string) => (await api('POST', '/api/v1/library', { token: owner.token, body: { name: type, path, type } })).body.id as string;
  const movies = await lib(join(root, 'Movies'), 'movies');
  const tv = await lib(join(root, 'TV'), 'tv');
  await scanLibrary(movies, {}, await realScanDeps());
  await scanLibrary(tv, {}, await realScanDeps());
  for (const item of await db.mediaItem.findMany({ where: { kind: 'movie' } })) ids[item.title] = item.id;
  const ep = await db.episode.findFirstOrThrow({ where: { seasonNumber: 1, number: 1 } });
  ids.episode = ep.id;
  ids.show = (await db.mediaItem.findFirstOrThrow({ where: { kind: 'show' } })).id;

  runner = startJobRunner({ queue: jobQueue(), registry: createRegistry(jobDefinitions), workerId: 'stream-test', pollMs: 50, concurrency: 2, log: { info() {}, warn() {}, error: console.error } });
}, 120_000);

afterEach(async () => {
  for (const key of open.splice(0)) await api('DELETE', `/api/v1/stream-session/${key}`, { token: owner.token });
  // Every HLS session's job ends (ffmpeg stopped, folder gone) before the next test.
  const live = () => db.streamSession.findMany({ where: { mode: { not: 'direct' }, status: { in: ['starting', 'running'] } }, select: { key: true, status: true, mode: true, jobId: true } });
  await waitFor(async () => (await live()).length === 0, { what: 'sessions to end', timeoutMs: 15_000 }).catch(async (err) => {
    throw new Error(`${(err as Error).message}: ${JSON.stringify(await live())}`);
  });
});

afterAll(async () => {
  await runner?.stop();
  removeTestMedia();
});

describe('direct play', () => {
  it('plays the H.264/AAC MP4 as it is, with Range, ETag and 416', async () => {
    const res = await start(ids['Big Test Pattern']);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'direct', reasons: ['the browser plays this file as it is'], duration: expect.closeTo(10, 0) });
    const url = res.body.url as string;
    const whole = await api('GET', url, { token: owner.token });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    const size = Number(whole.headers.get('content-length'));
    expect(size).toBeGreaterThan(10_000);
    const etag = whole.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);

    const part = await api('GET', url, { token: owner.token, headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${size}`);
    expect(part.headers.get('content-length')).toBe('100');
    const tail = await api('GET', url, { token: owner.token, headers: { range: 'bytes=-10' } });
    expect(tail.headers.get('content-range')).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    const past = await api('GET', url, { token: owner.token, headers: { range: `bytes=${size}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);
    expect(past.body.error.code).toBe('range_not_satisfiable');
    // A stale If-Range gets the whole (new) file instead of a part of the old one.
    const stale = await api('GET', url, { token: owner.token, headers: { range: 'bytes=0-9', 'if-range': '"old"' } });
    expect(stale.status).toBe(200);

    expect((await api('DELETE', url, { token: owner.token })).status).toBe(204);
    expect((await api('GET', url, { token: owner.token })).status).toBe(404);
  });
});

describe('HLS', () => {
  it('transcodes the HEVC/AC-3 episode: a full VOD playlist, segments ffprobe reads as H.264/AAC', async () => {
    const res = await start(ids.episode);
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('transcode');
    expect(res.body.reasons).toEqual(['HEVC is not supported by this browser → transcode', 'AC-3 audio is not supported by this browser → AAC']);
    expect(res.body.subtitle_tracks).toEqual([expect.objectContaining({ id: 'ext-0', source: 'external', language: 'eng', text: true })]);
    const master = await api('GET', res.body.url, { token: owner.token });
    expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(master.body).toContain('#EXT-X-STREAM-INF:BANDWIDTH=');
    const mediaUrl = `/api/v1/stream-session/${master.body.trim().split('\n').at(-1)}`;
    const playlist = (await api('GET', mediaUrl, { token: owner.token })).body as string;
    const segments = playlist.split('\n').filter((l) => l.endsWith('.ts'));
    expect(segments).toEqual(['seg-00000.ts', 'seg-00001.ts']);
    expect(playlist).toContain('#EXT-X-ENDLIST');

    const out = join(tmpdir(), `marquee-hls-${process.pid}.ts`);
    const parts: Buffer[] = [];
    for (const name of segments) {
      const seg = await fetchBinary(`/api/v1/stream-session/${res.body.stream_key}/${name}`);
      expect(seg.status).toBe(200);
      parts.push(seg.body);
    }
    writeFileSync(out, Buffer.concat(parts));
    const { ffprobe } = await ffmpegInfo();
    const probe = JSON.parse(execFileSync(ffprobe.path, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', out], { encoding: 'utf8' }));
    rmSync(out);
    expect(probe.streams.map((s: { codec_name: string }) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Number(probe.format.duration)).toBeGreaterThan(5.5);
  });

  it('starts at video_offset: the first run begins at the segment holding it', async () => {
    const res = await start(ids.episode, { video_offset: 4.5 });
    const dir = await sessionDir(res.body.stream_key);
    const seg = await fetchBinary(`/api/v1/stream-session/${res.body.stream_key}/seg-00001.ts`);
    expect(seg.status).toBe(200);
    expect(existsSync(join(dir, 'seg-00000.ts'))).toBe(false);
  });

  it('remuxes H.264/AC-3 MKV: video copied, audio to AAC, ffmpeg’s own playlist', async () => {
    const res = await start(ids['Copy Me']);
    expect(res.body).toMatchObject({ mode: 'remux' });
    expect(res.body.reasons).toEqual(['the MKV container is not supported → remux to HLS', 'AC-3 audio is not supported by this browser → AAC']);
    const playlist = await api('GET', `/api/v1/stream-session/${res.body.stream_key}/media.m3u8`, { token: owner.token });
    expect(playlist.status).toBe(200);
    expect(playlist.body).toContain('seg-00000.ts');
    const seg = await fetchBinary(`/api/v1/stream-session/${res.body.stream_key}/seg-00000.ts`);
    expect(seg.status).toBe(200);
  });

  it('ends the session on DELETE: no ffmpeg, no folder', async () => {
    const res = await start(ids.episode);
    const key = res.body.stream_key as string;
    expect((await fetchBinary(`/api/v1/stream-session/${key}/seg-00000.ts`)).status).toBe(200);
    const dir = await sessionDir(key);
    expect(existsSync(dir)).toBe(true);
    expect((await api('DELETE', `/api/v1/stream-session/${key}`, { token: owner.token })).status).toBe(204);
    await waitFor(() => !existsSync(dir) && ffmpegPids(dir).length === 0, { what: 'ffmpeg and the folder to go' });
    expect((await api('GET', `/api/v1/stream-session/${key}/seg-00000.ts`, { token: owner.token })).status).toBe(404);
  });

  it('answers 503 transcode_capacity when the limit is reached', async () => {
    expect(config().stream.maxTranscodes).toBeGreaterThanOrEqual(1);
    const started: string[] = [];
    for (let i = 0; i < config().stream.maxTranscodes; i++) {
      const ok = await start(ids.episode);
      expect(ok.status).toBe(200);
      started.push(ok.body.stream_key);
    }
    const refused = await start(ids.episode);
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ code: 'transcode_capacity', message: expect.stringContaining('at most') });
    // Direct play is never refused for capacity.
    expect((await start(ids['Big Test Pattern'])).status).toBe(200);
  });

  it('refuses to start a conversion when the transcode folder is short of space (507), direct play still works', async () => {
    const limits = config().stream;
    const saved = limits.minFreeBytes;
    limits.minFreeBytes = Number.MAX_SAFE_INTEGER;
    try {
      const refused = await start(ids.episode);
      expect(refused.status).toBe(507);
      expect(refused.body.error).toMatchObject({ code: 'insufficient_storage', message: expect.stringContaining('MiB free') });
      expect((await start(ids['Big Test Pattern'])).status).toBe(200);
    } finally {
      limits.minFreeBytes = saved;
    }
  });

  it('at worker start, ends sessions no job runs any more and removes stray transcode folders', async () => {
    const res = await start(ids['Big Test Pattern']);
    const row = await db.streamSession.findUniqueOrThrow({ where: { key: res.body.stream_key } });
    // A transcode whose worker died: its job failed, its folder is still there; and a folder nobody owns.
    const orphan = await db.streamSession.create({ data: { key: 'orphan-key-0123456789', userId: row.userId, fileId: row.fileId, mode: 'transcode', plan: row.plan as never, status: 'running' } });
    const dead = await db.job.create({ data: { name: 'transcode.session', payload: { sessionId: orphan.id }, status: 'failed' } });
    await db.streamSession.update({ where: { id: orphan.id }, data: { jobId: dead.id } });
    for (const dir of [orphan.id, 'stray-folder']) {
      mkdirSync(join(config().paths.transcode, dir), { recursive: true });
      writeFileSync(join(config().paths.transcode, dir, 'seg-00000.ts'), 'x');
    }
    const { cleanupStreamLeftovers } = await import('./transcode-job');
    const cleaned = await cleanupStreamLeftovers();
    expect(cleaned.sessions).toBe(1);
    expect(cleaned.folders).toBeGreaterThanOrEqual(2);
    expect(existsSync(join(config().paths.transcode, orphan.id))).toBe(false);
    expect((await db.streamSession.findUniqueOrThrow({ where: { id: orphan.id } })).status).toBe('ended');
    expect(existsSync(join(config().paths.transcode, 'stray-folder'))).toBe(false);
    // The live direct-play session is left alone.
    expect((await db.streamSession.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('running');
  });

  it('stops a session nobody has asked anything of for STREAM_IDLE_SECONDS, and deletes its folder', async () => {
    await withEnv({ STREAM_IDLE_SECONDS: '2' }, async () => {
      const res = await start(ids.episode);
      const key = res.body.stream_key as string;
      // The player asks for one segment and goes away: no request after this one.
      const asked = Date.now();
      expect((await fetchBinary(`/api/v1/stream-session/${key}/seg-00000.ts`)).status).toBe(200);
      const row = await db.streamSession.findUniqueOrThrow({ where: { key } });
      const dir = join(config().paths.transcode, row.id);
      await waitFor(async () => (await db.job.findUniqueOrThrow({ where: { id: row.jobId! } })).status === 'completed', { what: 'the session job to end' });
      expect(Date.now() - asked).toBeGreaterThanOrEqual(2_000);
      expect((await db.job.findUniqueOrThrow({ where: { id: row.jobId! } })).result).toMatchObject({ ended: 'idle' });
      expect(existsSync(dir)).toBe(false);
      expect(ffmpegPids(dir)).toEqual([]);
      expect((await db.streamSession.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('ended');
    });
  });

  it('fails cleanly when the file is deleted while streaming', async () => {
    const doomed = join(root, 'TV/Test Card Show/Season 02/Test Card Show - S02E02.mkv');
    const ep = await db.episode.findFirstOrThrow({ where: { seasonNumber: 2, number: 2 } });
    const res = await start(ep.id);
    const key = res.body.stream_key as string;
    expect((await fetchBinary(`/api/v1/stream-session/${key}/seg-00000.ts`)).status).toBe(200);
    const dir = await sessionDir(key);
    rmSync(doomed);
    await waitFor(async () => (await db.streamSession.findUniqueOrThrow({ where: { key } })).status !== 'running', { what: 'the session to notice' });
    expect(await db.streamSession.findUniqueOrThrow({ where: { key } })).toMatchObject({ status: 'failed', error: expect.stringContaining('deleted or moved') });
    await waitFor(() => !existsSync(dir) && ffmpegPids(dir).length === 0, { what: 'cleanup' });
    const after = await api('GET', `/api/v1/stream-session/${key}/seg-00001.ts`, { token: owner.token });
    expect(after.status).toBe(500);
    expect(after.body.error.code).toBe('stream_failed');
  });
});

describe('scrub previews', () => {
  it('makes trickplay sheets for a played file in the background and serves them under the session', async () => {
    const res = await start(ids['Big Test Pattern']);
    const key = res.body.stream_key as string;
    expect(res.body.trickplay_url).toBe(`/api/v1/stream-session/${key}/trickplay.json`);
    // Queued to run a little later, so it never competes with the start of playback; here: now.
    const job = await db.job.findFirstOrThrow({ where: { name: 'trickplay.file', status: 'queued' } });
    expect(job.runAt.getTime() - job.createdAt.getTime()).toBeGreaterThanOrEqual(10_000);
    await db.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    const manifest = await waitFor(async () => {
      const m = await api('GET', res.body.trickplay_url, { token: owner.token });
      return m.status === 200 ? m.body : null;
    }, { what: 'the trickplay manifest', timeoutMs: 20_000 });
    // About 10 s (a few ms more from some ffmpeg builds) at one frame per 10 s, 320 px wide at 16:9.
    expect(manifest).toEqual({ interval: 10, width: 320, height: 180, columns: 10, rows: 10, count: Math.ceil(res.body.duration / 10), sheets: [`${key}/trickplay/sheet-001.jpg`] });
    const sheet = await fetchBinary(`/api/v1/stream-session/${manifest.sheets[0]}`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.subarray(0, 3).toString('hex')).toBe('ffd8ff');
    expect((await api('GET', `/api/v1/stream-session/${key}/trickplay/sheet-002.jpg`, { token: owner.token })).status).toBe(404);
    expect((await api('GET', `/api/v1/stream-session/${key}/trickplay/${encodeURIComponent('../manifest.json')}`, { token: owner.token })).status).toBe(400);
    expect((await api('GET', `/api/v1/stream-session/${key}/trickplay/sheet-001.jpg`, { token: other.token })).status).toBe(404);
  });

  it('says once, with a 404 and the reason, when the previews of a file could not be made', async () => {
    const res = await start(ids['Copy Me']);
    const fileId = (await db.streamSession.findUniqueOrThrow({ where: { key: res.body.stream_key } })).fileId;
    // This file was played earlier in the file: its previews may have been made since. Start from none.
    await db.job.deleteMany({ where: { name: 'trickplay.file', status: 'queued' } });
    await waitFor(async () => (await db.job.count({ where: { name: 'trickplay.file', status: 'running' } })) === 0, { what: 'no preview job running', timeoutMs: 60_000 });
    rmSync(join(config().paths.data, 'trickplay', fileId), { recursive: true, force: true });
    mkdirSync(join(config().paths.data, 'trickplay'), { recursive: true });
    writeFileSync(join(config().paths.data, 'trickplay', `${fileId}.failed`), 'ffmpeg made no preview sheets');
    const asked = Date.now();
    const manifest = await api('GET', res.body.trickplay_url, { token: owner.token });
    expect(manifest.status).toBe(404);
    expect(manifest.body.error.message).toContain('could not be made for this file: ffmpeg made no preview sheets');
    expect(Date.now() - asked).toBeLessThan(5_000);
    // A file whose previews failed is not queued for them again on the next play.
    const queued = { name: 'trickplay.file', status: 'queued' as const };
    await db.job.deleteMany({ where: queued });
    await start(ids['Copy Me']);
    expect(await db.job.count({ where: queued })).toBe(0);
  });
});

describe('subtitles', () => {
  it('serves the .srt beside the episode and a stream inside a file as WebVTT', async () => {
    const ep = await start(ids.episode);
    const ext = await api('GET', `/api/v1/stream-session/${ep.body.stream_key}/subtitles/ext-0.vtt`, { token: owner.token });
    expect(ext.status).toBe(200);
    expect(ext.headers.get('content-type')).toContain('text/vtt');
    expect(ext.body).toMatch(/^WEBVTT/);
    expect(ext.body).toContain('This is a test card.');

    const movie = await start(ids['Embedded Subs']);
    const track = movie.body.subtitle_tracks.find((t: { source: string }) => t.source === 'embedded');
    expect(track).toMatchObject({ language: 'fre', text: true });
    const emb = await api('GET', track.url, { token: owner.token });
    expect(emb.status).toBe(200);
    expect(emb.body).toContain('Inside the file.');
  });
});

describe('bad input', () => {
  it('rejects names outside the pattern with 400, and hides unknown and other users’ keys with 404', async () => {
    const res = await start(ids.episode);
    const key = res.body.stream_key as string;
    for (const name of ['%2e%2e%2f', '%2E%2E%5Cwin.ini', '..%2fetc%2fpasswd', 'seg-1.ts', 'media.m3u8.bak', 'seg-00001.ts.tmp', 'run-0.m3u8']) {
      const bad = await api('GET', `/api/v1/stream-session/${key}/${name}`, { token: owner.token });
      expect(bad.status, name).toBe(400);
      expect(bad.body.error.code).toBe('invalid_stream_path');
    }
    for (const name of ['../x.vtt', 'ext-0.srt', 'emb-a.vtt']) {
      expect((await api('GET', `/api/v1/stream-session/${key}/subtitles/${encodeURIComponent(name)}`, { token: owner.token })).status).toBe(400);
    }
    expect((await api('GET', '/api/v1/stream-session/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { token: owner.token })).status).toBe(404);
    expect((await api('GET', `/api/v1/stream-session/${key}`, { token: other.token })).status).toBe(404);
    expect((await api('GET', `/api/v1/stream-session/${key}/seg-00000.ts`, { token: other.token })).status).toBe(404);
    expect((await api('DELETE', `/api/v1/stream-session/${key}`, { token: other.token })).status).toBe(404);
    expect((await api('GET', `/api/v1/stream-session/${key}`)).status).toBe(401);
    expect((await api('GET', `/api/v1/stream-session/${key}/seg-99999.ts`, { token: owner.token })).status).toBe(404);
  });

  it('refuses what cannot be streamed', async () => {
    expect((await start(ids.show)).status).toBe(404);
    expect((await start('nope')).status).toBe(404);
    expect((await start(ids.episode, { audio_index: 9 })).status).toBe(400);
    expect((await start(ids.episode, { burn_subtitle: 'ext-0' })).status).toBe(400);
    const noHls = await start(ids.episode, { supported_codecs: { ...CHROMIUM, hls: false } });
    expect(noHls.status).toBe(400);
    expect(noHls.body.error.code).toBe('not_playable');
  });
});

describe('stopped-at', () => {
  it('keeps a point between 5 % and 90 %, counts a play at 90 %, and only once per viewing', async () => {
    const id = ids['Big Test Pattern'];
    const url = `/api/v1/user/stopped-at/${id}`;
    expect((await api('GET', url, { token: owner.token })).body).toEqual({ secs_offset: 0, watched: false, play_count: 0 });
    expect((await api('POST', url, { token: owner.token, body: { secs_offset: 3 } })).status).toBe(201);
    expect((await api('GET', url, { token: owner.token })).body).toMatchObject({ secs_offset: 3 });
    expect((await api('GET', url, { token: other.token })).body).toMatchObject({ secs_offset: 0 });
    await api('POST', url, { token: owner.token, body: { secs_offset: 0.2 } });
    expect((await api('GET', url, { token: owner.token })).body.secs_offset).toBe(0);
    expect((await api('POST', url, { token: owner.token, body: { secs_offset: 9.5 } })).body).toEqual({ secs_offset: 0, watched: true, play_count: 1 });
    expect((await api('POST', url, { token: owner.token, body: { secs_offset: 9.8 } })).body.play_count).toBe(1);
    await api('POST', url, { token: owner.token, body: { secs_offset: 5 } });
    expect((await api('POST', url, { token: owner.token, body: { secs_offset: 9.9 } })).body).toMatchObject({ watched: true, play_count: 2 });
    // An episode's point is kept on the episode, whichever file id it was saved through.
    const file = await db.episodeFile.findFirstOrThrow({ where: { episodeId: ids.episode } });
    await api('POST', `/api/v1/user/stopped-at/${file.fileId}`, { token: owner.token, body: { secs_offset: 2 } });
    expect((await api('GET', `/api/v1/user/stopped-at/${ids.episode}`, { token: owner.token })).body.secs_offset).toBe(2);
    expect((await api('GET', `/api/v1/user/stopped-at/${ids.show}`, { token: owner.token })).status).toBe(404);
    expect((await api('POST', '/api/v1/user/stopped-at/nope', { token: owner.token, body: { secs_offset: 1 } })).status).toBe(404);
    expect((await api('POST', url, { token: owner.token, body: { secs_offset: -1 } })).status).toBe(400);
  });
});

async function fetchBinary(path: string): Promise<{ status: number; body: Buffer }> {
  // api() decodes bodies as text; segments need their bytes.
  const { matchRoute } = await import('@/test/api');
  const url = new URL(path, 'http://localhost:3000');
  const match = matchRoute(url.pathname)!;
  const mod = (await import(match.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
  const res = await mod.GET(new Request(url, { headers: { authorization: `Bearer ${owner.token}` } }), { params: Promise.resolve(match.params) });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}
