// probeFile against real ffprobe: the sample library, the fixture media (whose live output must
// still normalise like the recorded JSON), and files that are not media.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFfmpeg } from '@/test/fixture-ffmpeg';
import { resolveFfmpegBinaries } from './ffmpeg-path';
import { encodeFixtureMedia, FIXTURE_MEDIA } from './fixtures/fixture-media';
import type { MediaInfo } from './media-info';
import { normalizeProbe } from './normalize-probe';
import { nodeProbeDeps, ProbeError, probeFile } from './probe';
import { ensureSampleLibrary, SAMPLE_EPISODE_FILES, SAMPLE_MOVIE_FILE } from './sample-library';
import { SpawnError } from './run-binary';

const execFileAsync = promisify(execFile);

let root: string;
let library: string;
let fixtures: Record<string, string>;
let ffprobePath: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'marquee-probe-'));
  const { ffmpeg, ffprobe } = await resolveFfmpegBinaries();
  ffprobePath = ffprobe.path;
  library = join(root, 'library');
  await mkdir(join(root, 'fixtures'));
  [, fixtures] = await Promise.all([
    ensureSampleLibrary(library, { ffmpegPath: ffmpeg.path }),
    encodeFixtureMedia(join(root, 'fixtures'), await fixtureFfmpeg()),
  ]);
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function timed(path: string): Promise<{ info: MediaInfo; ms: number }> {
  const started = performance.now();
  const info = await probeFile(path, { ffprobePath });
  return { info, ms: performance.now() - started };
}

async function probeFailure(path: string, options: { timeoutMs?: number } = {}): Promise<ProbeError> {
  const err = await probeFile(path, { ffprobePath, ...options }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ProbeError);
  return err as ProbeError;
}

describe('probeFile on the sample library', () => {
  it('reads the movie and the episodes', async () => {
    const movie = await timed(join(library, SAMPLE_MOVIE_FILE));
    expect(movie.info).toMatchObject({ container: 'mp4', video: [{ codec: 'h264', width: 640, height: 360, fps: 24 }], audio: [{ codec: 'aac' }] });
    expect(movie.info.duration).toBeCloseTo(10, 0);

    const episodes = await Promise.all(SAMPLE_EPISODE_FILES.map((f) => timed(join(library, f))));
    for (const { info } of episodes) {
      expect(info).toMatchObject({ container: 'mkv', video: [{ codec: 'hevc', bitDepth: 8, hdr: 'sdr' }], audio: [{ codec: 'ac3', channels: 2 }] });
      expect(info.duration).toBeCloseTo(6, 0);
    }
    const ms = [movie, ...episodes].map((p) => Math.round(p.ms));
    console.log(`[probe] sample library: ${ms.join(', ')} ms per file (the episodes in parallel)`);
  });
});

describe('probeFile on the fixture media', () => {
  it.each(FIXTURE_MEDIA.map((f) => f.file))('%s normalises like its recorded JSON', async (name) => {
    const { info, ms } = await timed(fixtures[name]);
    console.log(`[probe] ${name}: ${Math.round(ms)} ms`);
    const recorded = normalizeProbe(JSON.parse(await readFile(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8')));
    // Sizes and bitrates move with encoder versions; what we decide on must not.
    const stable = (i: MediaInfo) => ({
      container: i.container,
      video: i.video.map(({ bitrate: _b, ...v }) => v),
      audio: i.audio.map(({ bitrate: _b, ...a }) => a),
      subtitles: i.subtitles,
      images: i.images,
      tags: i.tags,
      chapters: i.chapters,
    });
    expect(stable(info)).toEqual(stable(recorded));
    expect(info.duration).toBeCloseTo(recorded.duration!, 1);
  });
});

describe('probeFile on files that are not media', () => {
  it('a zero-byte file is empty_file', async () => {
    const path = join(root, 'empty.mkv');
    await writeFile(path, '');
    expect((await probeFailure(path)).reason).toBe('empty_file');
  });

  it('the first 2 KB of an MP4 is not_media', async () => {
    const source = await open(join(library, SAMPLE_MOVIE_FILE));
    const head = Buffer.alloc(2048);
    await source.read(head, 0, 2048, 0);
    await source.close();
    const path = join(root, 'truncated.mp4');
    await writeFile(path, head);
    const err = await probeFailure(path);
    expect(err.reason).toBe('not_media');
    expect(err.message).not.toContain(root);
  });

  it('a text file named .mkv is not_media', async () => {
    const path = join(root, 'notes.mkv');
    await writeFile(path, 'These are my notes about the movie.\n'.repeat(50));
    const err = await probeFailure(path);
    expect(err).toMatchObject({ reason: 'not_media', detail: 'Invalid data found when processing input' });
  });

  // Tests run as root, for whom chmod 000 changes nothing; "unreadable" is made with paths that
  // cannot be read whoever you are.
  it('a folder named like a movie is unreadable', async () => {
    const path = join(root, 'Folder.mkv');
    await mkdir(path);
    expect(await probeFailure(path)).toMatchObject({ reason: 'unreadable', detail: 'not a regular file' });
  });

  it('a path that vanished after the listing is unreadable', async () => {
    const path = join(root, 'gone.mkv');
    await writeFile(path, 'x');
    await rm(path);
    expect(await probeFailure(path)).toMatchObject({ reason: 'unreadable', detail: 'ENOENT' });
  });

  it('a file deleted between stat and ffprobe is unreadable (from ffprobe stderr)', async () => {
    const path = join(root, 'raced.mkv');
    const stat = async () => ({ isFile: () => true, size: 1234 });
    const err = await probeFile(path, { ffprobePath }, { ...nodeProbeDeps, stat }).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'unreadable', detail: 'No such file or directory' });
  });

  it('a FIFO is unreadable at once instead of hanging ffprobe', async () => {
    const path = join(root, 'pipe.mkv');
    await execFileAsync('mkfifo', [path]);
    expect((await probeFailure(path)).reason).toBe('unreadable');
  });
});

describe('probeFile limits', () => {
  it('times out and kills ffprobe', async () => {
    const err = await probeFailure(join(library, SAMPLE_MOVIE_FILE), { timeoutMs: 1 });
    expect(err.reason).toBe('timeout');
  });

  it('an abort rejects with the abort reason', async () => {
    const controller = new AbortController();
    const reason = new Error('scan cancelled');
    setTimeout(() => controller.abort(reason), 5);
    await expect(probeFile(join(library, SAMPLE_MOVIE_FILE), { ffprobePath, signal: controller.signal })).rejects.toBe(reason);
  });

  it('a missing ffprobe is a SpawnError, not the file’s fault', async () => {
    await expect(probeFile(join(library, SAMPLE_MOVIE_FILE), { ffprobePath: join(root, 'no-ffprobe') })).rejects.toBeInstanceOf(SpawnError);
  });
});
