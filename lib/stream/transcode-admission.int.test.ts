// MAX_TRANSCODES is enforced atomically: concurrent creates race for numbered slots, and exactly as
// many as the limit are admitted (a count-then-insert admitted 4 of 5 at a limit of 1). No job
// runner here: admission is the web's half, so no ffmpeg starts.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';

// A browser that plays H.264/AAC in MP4 and HLS: the sample episodes (HEVC in Matroska) need a transcode.
const CHROMIUM = { containers: ['mp4'], video: [{ codec: 'h264' }], audio: ['aac'] };
let token: string;
let episodeId: string;
let savedMax: number;

const create = () => api('POST', '/api/v1/stream-session', { token, body: { media_id: episodeId, supported_codecs: CHROMIUM } });

beforeAll(async () => {
  token = (await signUp('admission')).token;
  const root = await copySampleLibrary();
  const lib = (await api('POST', '/api/v1/library', { token, body: { name: 'tv', path: join(root, 'TV'), type: 'tv' } })).body.id as string;
  await scanLibrary(lib, {}, await realScanDeps());
  episodeId = (await db.episode.findFirstOrThrow({ where: { seasonNumber: 1, number: 1 } })).id;
  savedMax = config().stream.maxTranscodes;
  config().stream.maxTranscodes = 1;
}, 120_000);

afterAll(() => {
  config().stream.maxTranscodes = savedMax;
  removeTestMedia();
});

describe('transcode admission', () => {
  it('admits exactly one of 5 concurrent transcodes at a limit of 1; ending it lets the next in', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, create));
    const admitted = answers.filter((r) => r.status === 200);
    const refused = answers.filter((r) => r.status === 503);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 503, 503, 503, 503]);
    expect(admitted[0].body.mode).toBe('transcode');
    for (const r of refused) expect(r.body.error).toMatchObject({ code: 'transcode_capacity', message: expect.stringContaining('at most 1 transcode') });
    // Refused creates leave no live session behind.
    expect(await db.streamSession.count({ where: { mode: 'transcode', status: { in: ['starting', 'running'] } } })).toBe(1);

    expect((await create()).status).toBe(503);
    expect((await api('DELETE', `/api/v1/stream-session/${admitted[0].body.stream_key}`, { token })).status).toBe(204);
    const next = await create();
    expect(next.status).toBe(200);
    expect((await api('DELETE', `/api/v1/stream-session/${next.body.stream_key}`, { token })).status).toBe(204);
  });

  it('frees the slot of a session that is no longer live (a worker that died, an idle player)', async () => {
    const first = await create();
    expect(first.status).toBe(200);
    // The worker died and its start-up sweep ended the session without going through endSession.
    await db.streamSession.updateMany({ where: { key: first.body.stream_key }, data: { status: 'ended' } });
    const second = await create();
    expect(second.status).toBe(200);
    // The player of the second went away: past the idle timeout its slot is free again.
    await db.streamSession.updateMany({ where: { key: second.body.stream_key }, data: { lastRequestAt: new Date(Date.now() - config().stream.idleMs - 1_000) } });
    const third = await create();
    expect(third.status).toBe(200);
    expect(await db.transcodeSlot.count()).toBe(1);
    expect((await api('DELETE', `/api/v1/stream-session/${third.body.stream_key}`, { token })).status).toBe(204);
    expect(await db.transcodeSlot.count()).toBe(0);
  });
});
