// TheTVDB as our OnlineProvider, read through the TVDB proxy's own cache (lib/tvdb: database +
// memory, single flight, stale answers when TheTVDB is down), so the library and the apps using
// /tvdb/v4 share one copy of every record. Used when TVDB_API_KEY is set and TMDB_API_KEY is not.
import { ProxyFailure } from '@/lib/tvdb/proxy-cache';
import { resolveProxyRoute } from '@/lib/tvdb/proxy-routes';
import { proxyState } from '@/lib/tvdb/proxy-state';
import { movieExtendedResponse, searchResponse, seriesExtendedResponse, type character } from '@/lib/tvdb/v4-schemas';
import type { z } from 'zod';
import type { MatchKind } from '../match';
import type { OnlineDetails, OnlinePerson, OnlineProvider } from './provider';

/** A cached TheTVDB answer's body, or null for a 404. */
async function read(path: string): Promise<unknown> {
  const route = resolveProxyRoute(path);
  if (!route) throw new Error(`not a proxied TheTVDB path: ${path}`);
  const { answer } = await proxyState().cache.get(route);
  if (answer.status === 404) return null;
  if (answer.status !== 200) throw new ProxyFailure(answer.status, `TheTVDB answered ${answer.status}`);
  return JSON.parse(answer.body.toString('utf8'));
}

const yearOf = (v: string | null | undefined) => (v && /^\d{4}/.test(v) ? Number(v.slice(0, 4)) : null);
const ACTOR = 3;
const CREW_JOBS: Record<number, string> = { 1: 'Director', 2: 'Writer', 6: 'Creator', 7: 'Producer', 8: 'Showrunner' };
// Artwork types: 3 is a series background, 15 a movie background.
const BACKGROUNDS = new Set([3, 15]);

function people(chars: z.infer<typeof character>[] | null | undefined): { cast: OnlinePerson[]; crew: OnlinePerson[] } {
  const list = (chars ?? []).filter((c) => c.peopleId);
  const person = (c: (typeof list)[number], i: number, job: string | null): OnlinePerson => ({
    providerId: String(c.peopleId),
    name: c.personName ?? c.name ?? '?',
    character: job ? null : (c.name ?? null),
    job,
    department: null,
    order: c.sort ?? i,
    profile: c.personImgURL ?? null,
  });
  return {
    cast: list.filter((c) => c.type === ACTOR || c.peopleType === 'Actor').map((c, i) => person(c, i, null)),
    crew: list.filter((c) => c.type && CREW_JOBS[c.type]).map((c, i) => person(c, i, CREW_JOBS[c.type!])),
  };
}

const imdbOf = (ids: { id?: string | null; sourceName?: string | null }[] | null | undefined) => ids?.find((r) => r.sourceName === 'IMDB')?.id ?? null;
const tmdbOf = (ids: { id?: string | null; sourceName?: string | null }[] | null | undefined) => ids?.find((r) => r.sourceName === 'TheMovieDB.com')?.id ?? null;

export function tvdbProvider(): OnlineProvider {
  return {
    name: 'tvdb',
    async search(kind, title, year) {
      const q = new URLSearchParams({ query: title, type: kind === 'movie' ? 'movie' : 'series', ...(year ? { year: String(year) } : {}) });
      const body = searchResponse.parse(await read(`/search?${q}`));
      return (body?.data ?? [])
        .filter((r) => r.tvdb_id ?? r.id)
        .map((r) => ({ provider: 'tvdb', id: String(r.tvdb_id ?? r.id).replace(/^\D+-/, ''), title: r.name ?? '', year: yearOf(r.year ?? r.first_air_time) }));
    },
    // The proxy serves no remote-id lookups: matching goes by our own TheTVDB ids or by search.
    findByExternalId: async () => null,
    async details(kind: MatchKind, id: string): Promise<OnlineDetails | null> {
      if (!/^\d+$/.test(id)) return null;
      if (kind === 'movie') {
        const raw = await read(`/movies/${id}/extended`);
        if (!raw) return null;
        const m = movieExtendedResponse.parse(raw).data;
        return {
          provider: 'tvdb', id, kind, title: m.name ?? '', year: yearOf(m.year), overview: null, genres: (m.genres ?? []).map((g) => g.name ?? '').filter(Boolean),
          ids: { tmdb: tmdbOf(m.remoteIds), tvdb: id, imdb: imdbOf(m.remoteIds) },
          poster: m.image ?? null, backdrop: (m.artworks ?? []).find((a) => a.type && BACKGROUNDS.has(a.type))?.image ?? null,
          ...people(m.characters), seasons: [],
        };
      }
      const raw = await read(`/series/${id}/extended?meta=episodes`);
      if (!raw) return null;
      const s = seriesExtendedResponse.parse(raw).data;
      const episodes = s.episodes ?? [];
      const numbers = [...new Set(episodes.map((e) => e.seasonNumber ?? 0))].sort((a, b) => a - b);
      return {
        provider: 'tvdb', id, kind, title: s.name ?? '', year: yearOf(s.year ?? s.firstAired), overview: s.overview ?? null,
        genres: (s.genres ?? []).map((g) => g.name ?? '').filter(Boolean),
        ids: { tmdb: tmdbOf(s.remoteIds), tvdb: id, imdb: imdbOf(s.remoteIds) },
        poster: s.image ?? null, backdrop: (s.artworks ?? []).find((a) => a.type && BACKGROUNDS.has(a.type))?.image ?? null,
        ...people(s.characters),
        seasons: numbers.map((n) => ({
          number: n, title: null, overview: null, poster: null,
          episodes: episodes.filter((e) => (e.seasonNumber ?? 0) === n && e.number !== null && e.number !== undefined).map((e) => ({ number: e.number!, title: e.name ?? null, overview: e.overview ?? null, airDate: e.aired ?? null, still: e.image ?? null })),
        })),
      };
    },
    async image(url) {
      const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    },
  };
}
