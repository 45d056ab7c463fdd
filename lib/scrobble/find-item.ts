// Finds what another player is playing, in this order: a Marquee id (an episode, a movie or video, or
// a show with season and episode); the ids of a movie, video or show (TheTVDB, TMDB, IMDb) — for an
// episode, the show's, with season and episode (episodes carry no ids of their own here, so players
// that send episode ids fall back on the show's title); then the title (and year), as the scanner
// keys titles. Several matches (the same title in two libraries): the one present on disk wins, then
// the one added first, so the same item is chosen each time.
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { normalizeTitle } from '@/lib/scan/identity';
import type { ScrobbleInput } from './scrobble-input';

export type FoundItem = {
  kind: 'movie' | 'video' | 'episode';
  itemId: string | null;
  episodeId: string | null;
  title: string;
  showId: string | null;
  season: number | null;
  episode: number | null;
};

// 'ok' sorts after 'missing': descending puts items present on disk first.
const PREFERRED = [{ status: 'desc' as const }, { addedAt: 'asc' as const }, { id: 'asc' as const }];
const notFound = (what: string) => new ApiError('not_found', `Nothing in the library matches ${what}.`);

async function episodeOf(showId: string, season: number, number: number): Promise<FoundItem | null> {
  const e = await db.episode.findFirst({ where: { showId, seasonNumber: season, number }, include: { show: { select: { title: true } } } });
  return e && { kind: 'episode', itemId: null, episodeId: e.id, title: `${e.show.title} S${season}E${number}${e.title ? ` — ${e.title}` : ''}`, showId, season, episode: number };
}

async function byMarqueeId(id: string, season?: number, episode?: number): Promise<FoundItem | null> {
  const ep = await db.episode.findUnique({ where: { id }, include: { show: { select: { title: true } } } });
  if (ep) return { kind: 'episode', itemId: null, episodeId: ep.id, title: `${ep.show.title} S${ep.seasonNumber}E${ep.number}`, showId: ep.showId, season: ep.seasonNumber, episode: ep.number };
  const item = await db.mediaItem.findUnique({ where: { id }, select: { id: true, kind: true, title: true } });
  if (!item) return null;
  if (item.kind !== 'show') return { kind: item.kind, itemId: item.id, episodeId: null, title: item.title, showId: null, season: null, episode: null };
  return season !== undefined && episode !== undefined ? episodeOf(item.id, season, episode) : null;
}

type Where = NonNullable<Parameters<typeof db.mediaItem.findMany>[0]>['where'];

async function byItems(where: Where, season?: number, episode?: number): Promise<FoundItem | null> {
  const wantEpisode = season !== undefined && episode !== undefined;
  const items = await db.mediaItem.findMany({ where: { ...where, kind: wantEpisode ? 'show' : { in: ['movie', 'video'] } }, orderBy: PREFERRED, select: { id: true, kind: true, title: true } });
  for (const item of items) {
    if (item.kind !== 'show') return { kind: item.kind, itemId: item.id, episodeId: null, title: item.title, showId: null, season: null, episode: null };
    const found = await episodeOf(item.id, season!, episode!);
    if (found) return found;
  }
  return null;
}

export async function findScrobbleItem(input: ScrobbleInput): Promise<FoundItem> {
  const { marquee, tvdb, tmdb, imdb, season, episode } = input.ids;
  if (marquee) {
    const found = await byMarqueeId(marquee, season, episode);
    if (found) return found;
  }
  const external: { tvdbId?: string; tmdbId?: string; imdbId?: string }[] = [];
  if (tvdb) external.push({ tvdbId: tvdb });
  if (tmdb) external.push({ tmdbId: tmdb });
  if (imdb) external.push({ imdbId: imdb });
  if (external.length) {
    const found = await byItems({ OR: external }, season, episode);
    if (found) return found;
  }
  if (input.title) {
    const norm = normalizeTitle(input.title);
    const prefix = season !== undefined ? 'show' : 'movie';
    const keys = input.year && prefix === 'movie' ? [{ identityKey: `movie:${norm}:${input.year}` }] : [{ identityKey: `${prefix}:${norm}` }, { identityKey: { startsWith: `${prefix}:${norm}:` } }];
    const found = await byItems({ OR: [...keys, { title: input.title, ...(input.year && prefix === 'movie' ? { year: input.year } : {}) }] }, season, episode);
    if (found) return found;
  }
  const what = [marquee && `id ${marquee}`, tvdb && `tvdb ${tvdb}`, tmdb && `tmdb ${tmdb}`, imdb && `imdb ${imdb}`, input.title && `"${input.title}"`].filter(Boolean).join(', ');
  throw notFound(`${what}${season !== undefined ? ` S${season}E${episode}` : ''}`);
}
