// What the remote-control integration tests start from: two accounts — alice, the first and so the
// admin, and mallory — and the sample library scanned, with a movie Chromium plays directly and an
// HEVC/AC-3 episode it needs transcoded.
import { db } from '@/lib/db';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { api, signUp } from './api';
import { copySampleLibrary } from './media-fixture';

/** Chromium's `supported_codecs`, as its player sends them. */
export const CHROMIUM = {
  containers: ['mp4', 'webm'],
  video: [{ codec: 'h264', profiles: ['Constrained Baseline', 'Baseline', 'Main', 'High'], max_level: 5.2 }, { codec: 'vp9' }],
  audio: ['aac', 'mp3', 'opus'],
};

/** A device's state report when it plays nothing. */
export const IDLE_STATE = { item_id: null, position_secs: 0, paused: true, volume: 80, muted: false };

export async function remoteFixture() {
  const alice = await signUp('alice');
  await api('PATCH', '/api/v1/admin/settings', { token: alice.token, body: { registration: 'open' } });
  const mallory = await signUp('mallory');
  const root = await copySampleLibrary();
  const movies = (await api('POST', '/api/v1/library', { token: alice.token, body: { name: 'Movies', path: `${root}/Movies`, type: 'movies' } })).body.id;
  const tv = (await api('POST', '/api/v1/library', { token: alice.token, body: { name: 'TV', path: `${root}/TV`, type: 'tv' } })).body.id;
  await scanLibrary(movies, {}, await realScanDeps());
  await scanLibrary(tv, {}, await realScanDeps());
  const ids = {
    movie: (await db.mediaItem.findFirstOrThrow({ where: { title: 'Big Test Pattern' } })).id,
    episode: (await db.episode.findFirstOrThrow({ where: { seasonNumber: 1, number: 1 } })).id,
  };
  return { alice, mallory, ids };
}
