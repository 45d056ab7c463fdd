// Every file served for a stream resolves, after symlinks, inside a library (or Marquee's own
// folders): a symlinked subtitle or video pointing outside is neither listed nor served, while
// symlinks that stay inside the library keep working.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { jobQueue } from '@/lib/jobs/job-queue';
import { createRegistry } from '@/lib/jobs/registry';
import { startJobRunner, type JobRunner } from '@/lib/jobs/runner';
import { SAMPLE_MOVIE_FILE } from '@/lib/media/sample-library';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { jobDefinitions } from '@/scanner-worker/jobs';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { capabilitiesSchema } from './capabilities';

const CHROMIUM = capabilitiesSchema.parse({
  containers: ['mp4', 'webm'],
  video: [{ codec: 'h264', profiles: ['Constrained Baseline', 'Baseline', 'Main', 'High'], max_level: 5.2 }],
  audio: ['aac'],
});

let token: string;
let root: string;
let runner: JobRunner;
const outside = mkdtempSync(join(tmpdir(), 'marquee-outside-'));
const SECRET = '1\n00:00:01,000 --> 00:00:03,000\nA secret from outside the library.\n';
const INSIDE = '1\n00:00:01,000 --> 00:00:03,000\nA subtitle kept elsewhere in the library.\n';

const start = (mediaId: string) => api('POST', '/api/v1/stream-session', { token, body: { media_id: mediaId, supported_codecs: CHROMIUM } });
const movieId = async (title: string) => (await db.mediaItem.findFirstOrThrow({ where: { kind: 'movie', title } })).id;

beforeAll(async () => {
  token = (await signUp('servedadmin')).token;
  root = await copySampleLibrary();
  const movies = join(root, 'Movies');
  const movieDir = join(root, 'Movies/Big Test Pattern (2024)');
  // Beside the movie: one subtitle linking out of the library, one linking to another folder of it.
  writeFileSync(join(outside, 'secret.srt'), SECRET);
  symlinkSync(join(outside, 'secret.srt'), join(movieDir, 'Big Test Pattern (2024).en.srt'));
  mkdirSync(join(movies, 'extras'));
  writeFileSync(join(movies, 'extras/kept.srt'), INSIDE);
  symlinkSync(join(movies, 'extras/kept.srt'), join(movieDir, 'Big Test Pattern (2024).fr.srt'));
  // A movie that is a symlink to a file elsewhere in the library (fine), later re-pointed outside.
  mkdirSync(join(movies, 'Linked Pattern (2023)'));
  mkdirSync(join(movies, 'store'));
  cpSync(join(root, SAMPLE_MOVIE_FILE), join(movies, 'store/linked.mp4'));
  cpSync(join(root, SAMPLE_MOVIE_FILE), join(outside, 'linked.mp4'));
  symlinkSync(join(movies, 'store/linked.mp4'), join(movies, 'Linked Pattern (2023)/Linked Pattern (2023).mp4'));

  const lib = await api('POST', '/api/v1/library', { token, body: { name: 'Movies', path: movies, type: 'movies' } });
  expect(lib.status).toBe(201);
  await scanLibrary(lib.body.id, {}, await realScanDeps());
  runner = startJobRunner({ queue: jobQueue(), registry: createRegistry(jobDefinitions), workerId: 'served-test', pollMs: 50, concurrency: 2, log: { info() {}, warn() {}, error: console.error } });
}, 120_000);

afterAll(async () => {
  await runner?.stop();
  removeTestMedia();
  rmSync(outside, { recursive: true, force: true });
});

describe('subtitles beside a video', () => {
  it('lists and serves a symlinked subtitle that stays inside the library, and not one that points outside', async () => {
    const res = await start(await movieId('Big Test Pattern'));
    expect(res.status).toBe(200);
    const external = (res.body.subtitle_tracks as { id: string; source: string; language: string }[]).filter((t) => t.source === 'external');
    expect(external).toEqual([expect.objectContaining({ id: 'ext-0', language: 'fre' })]);
    const kept = await api('GET', `/api/v1/stream-session/${res.body.stream_key}/subtitles/ext-0.vtt`, { token });
    expect(kept.status).toBe(200);
    expect(kept.body).toContain('A subtitle kept elsewhere in the library.');
    expect(kept.body).not.toContain('secret');
    const second = await api('GET', `/api/v1/stream-session/${res.body.stream_key}/subtitles/ext-1.vtt`, { token });
    expect(second.status).toBe(404);
    expect(second.body.error.code).toBe('not_found');
  });
});

describe('a symlinked video', () => {
  it('plays while it points inside the library, and is refused (403 in our shape) once it points outside', async () => {
    const id = await movieId('Linked Pattern');
    const res = await start(id);
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('direct');
    const played = await api('GET', res.body.url, { token, headers: { range: 'bytes=0-99' } });
    expect(played.status).toBe(206);

    const link = join(root, 'Movies/Linked Pattern (2023)/Linked Pattern (2023).mp4');
    unlinkSync(link);
    symlinkSync(join(outside, 'linked.mp4'), link);
    const again = await api('GET', res.body.url, { token, headers: { range: 'bytes=0-99' } });
    expect(again.status).toBe(403);
    expect(again.body.error).toMatchObject({ code: 'file_outside_library', message: expect.stringContaining('outside every library folder') });
    const fresh = await start(id);
    expect(fresh.status).toBe(403);
    expect(fresh.body.error.code).toBe('file_outside_library');
  });
});
