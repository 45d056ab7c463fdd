// Shared by the Trakt tests: a small library written straight into the database (movies and a show
// with ids, as a scan plus TMDB would leave them), and linking an account through our real API and
// the fake's authorize page, as a browser would.
import { db } from '@/lib/db';
import { runSync } from '@/lib/trakt/sync';
import { api } from '@/test/api';
import type { FakeTrakt } from '@/test/fakes/trakt-server';

export type TraktLibrary = { movieByTmdb: string; movieByTitle: string; movieNoIds: string; showId: string; episodes: Record<string, string> };

let n = 0;
export async function seedTraktLibrary(): Promise<TraktLibrary> {
  const tag = ++n;
  const library = await db.library.create({ data: { name: `Trakt ${tag}`, type: 'mixed' } });
  const item = (kind: 'movie' | 'show', title: string, year: number, ids: { tmdbId?: string; imdbId?: string; tvdbId?: string } = {}) =>
    db.mediaItem.create({ data: { libraryId: library.id, kind, identityKey: `${kind}:${title}:${tag}`, title, sortTitle: title.toLowerCase(), year, ...ids } });
  const movieByTmdb = await item('movie', `Arrival ${tag}`, 2016, { tmdbId: String(329865 + tag * 10), imdbId: `tt254${tag}444` });
  const movieByTitle = await item('movie', `Heat ${tag}`, 1995);
  const movieNoIds = await item('movie', `Home Video ${tag}`, 2020);
  const show = await item('show', `Severance ${tag}`, 2022, { tmdbId: String(95396 + tag * 10), tvdbId: String(371980 + tag) });
  const episodes: Record<string, string> = {};
  for (const s of [1, 2]) {
    const season = await db.season.create({ data: { showId: show.id, number: s, title: `Season ${s}` } });
    for (const e of [1, 2, 3]) {
      episodes[`${s}x${e}`] = (await db.episode.create({ data: { showId: show.id, seasonId: season.id, seasonNumber: s, number: e, title: `Episode ${s}x${e}` } })).id;
    }
  }
  return { movieByTmdb: movieByTmdb.id, movieByTitle: movieByTitle.id, movieNoIds: movieNoIds.id, showId: show.id, episodes };
}

/** Walks the fake's authorize page (as `traktUser`) and finishes through POST oauth-callback. */
export async function linkViaApi(fake: FakeTrakt, token: string, traktUser: string) {
  const auth = await api('GET', '/api/v1/trakt/authenticate', { token });
  if (auth.status !== 200) throw new Error(`authenticate: ${auth.status} ${JSON.stringify(auth.body)}`);
  fake.authorizeAs = traktUser;
  const res = await fetch(auth.body.auth_url, { method: 'POST', redirect: 'manual' });
  const back = new URL(res.headers.get('location')!);
  const linked = await api('POST', '/api/v1/trakt/oauth-callback', { token, body: { code: back.searchParams.get('code'), state: back.searchParams.get('state') } });
  if (linked.status !== 200) throw new Error(`callback: ${linked.status} ${JSON.stringify(linked.body)}`);
  return { state: back.searchParams.get('state')!, code: back.searchParams.get('code')!, callback: back };
}

/** A manual sync of this user that must succeed; its result. */
export async function syncOk(userId: string) {
  const r = await runSync(userId, 'manual');
  if (!('runId' in r) || r.status !== 'ok') throw new Error(`sync: ${JSON.stringify(r)}`);
  return r;
}
