// TheTVDB as the metadata provider (no TMDB key), read through the proxy's cache: a show is
// matched by search, gets TheTVDB's episode titles and cast, and its records land in the cache
// the /tvdb/v4 proxy serves from (a second refresh asks TheTVDB nothing).
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobContext } from '@/lib/jobs/define-job';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { resetProxyState } from '@/lib/tvdb/proxy-state';
import { api, signUp } from '@/test/api';
import { withoutTmdb } from '@/test/fakes/tmdb-env';
import { useFakeTvdb } from '@/test/fakes/tvdb-env';
import { FAKE_TVDB_IDS, startFakeTvdb, type FakeTvdb } from '@/test/fakes/tvdb-server';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { localMetadataJob } from '../local-metadata-job';

let fake: FakeTvdb;
let admin: string;
const ctx = (): JobContext => ({ jobId: 'test', signal: new AbortController().signal, progress: async () => undefined });

beforeAll(async () => {
  fake = await startFakeTvdb();
  withoutTmdb();
  useFakeTvdb(fake.url, 'http://127.0.0.1:1');
  resetProxyState();
  admin = (await signUp('tvdbmeta')).token;
});
afterAll(async () => {
  removeTestMedia();
  resetProxyState();
  await fake.close();
});

it('matches a show on TheTVDB through the proxy cache, with episode titles and cast', async () => {
  const root = await copySampleLibrary();
  const season = join(root, 'Shows/The Lighthouse Keepers (2019)/Season 01');
  mkdirSync(season, { recursive: true });
  cpSync(join(root, 'TV/Test Card Show/Season 01/Test Card Show - S01E01.mkv'), join(season, 'The Lighthouse Keepers - S01E01.mkv'));
  const lib = await api('POST', '/api/v1/library', { token: admin, body: { name: 'Shows', path: join(root, 'Shows'), type: 'tv' } });
  const scanned = await scanLibrary(lib.body.id, {}, await realScanDeps());
  const [showId] = scanned.touched_item_ids;
  await localMetadataJob.handle({ itemId: showId }, ctx());

  const match = (await api('GET', `/api/v1/media/${showId}/match`, { token: admin })).body;
  expect(match).toMatchObject({ status: 'matched', provider: 'tvdb', method: 'search', ids: { tvdb: String(FAKE_TVDB_IDS.lighthouse) } });
  const seasons = (await api('GET', `/api/v1/tv/${showId}/season`, { token: admin })).body;
  const episodes = (await api('GET', `/api/v1/season/${seasons[0].id}/episode`, { token: admin })).body;
  expect(episodes[0]).toMatchObject({ title: 'Watch 1.1', air_date: '2019-03-18' });
  const credits = (await api('GET', `/api/v1/media/${showId}/credits`, { token: admin })).body;
  expect(credits.cast.length).toBeGreaterThan(0);

  // The records are in the shared cache: refreshing again costs TheTVDB no request.
  const before = fake.calls.total;
  resetProxyState(); // memory gone, database kept
  await localMetadataJob.handle({ itemId: showId }, ctx());
  expect(fake.calls.total - before).toBe(0);
});
