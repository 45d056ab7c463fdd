// How Trakt is told which movie or episode: by the ids our items carry (TMDB, IMDb, TheTVDB), with
// title and year; an episode by its show plus season and number (Trakt's documented way when the
// episode's own Trakt id is unknown).
import { db } from '@/lib/db';

export type TraktIds = { tmdb?: number; imdb?: string; tvdb?: number };
export type MovieRef = { kind: 'movie'; title: string; year?: number; ids: TraktIds };
export type EpisodeRef = { kind: 'episode'; show: { title: string; year?: number; ids: TraktIds }; season: number; number: number };
export type TraktRef = MovieRef | EpisodeRef;

function idsOf(item: { tmdbId: string | null; imdbId: string | null; tvdbId: string | null }): TraktIds {
  const ids: TraktIds = {};
  if (item.tmdbId && /^\d+$/.test(item.tmdbId)) ids.tmdb = Number(item.tmdbId);
  if (item.imdbId) ids.imdb = item.imdbId;
  if (item.tvdbId && /^\d+$/.test(item.tvdbId)) ids.tvdb = Number(item.tvdbId);
  return ids;
}

const itemSelect = { kind: true, title: true, year: true, tmdbId: true, imdbId: true, tvdbId: true } as const;

/** The Trakt reference of a movie/video or episode; null when it is gone or Trakt could not know it (no ids). */
export async function traktRefOf(target: { itemId: string | null; episodeId: string | null }): Promise<TraktRef | null> {
  if (target.episodeId) {
    const ep = await db.episode.findUnique({ where: { id: target.episodeId }, select: { seasonNumber: true, number: true, show: { select: itemSelect } } });
    if (!ep) return null;
    const ids = idsOf(ep.show);
    if (Object.keys(ids).length === 0) return null;
    return { kind: 'episode', show: { title: ep.show.title, year: ep.show.year ?? undefined, ids }, season: ep.seasonNumber, number: ep.number };
  }
  if (!target.itemId) return null;
  const item = await db.mediaItem.findUnique({ where: { id: target.itemId }, select: itemSelect });
  if (!item || item.kind === 'show') return null;
  const ids = idsOf(item);
  if (Object.keys(ids).length === 0) return null;
  return { kind: 'movie', title: item.title, year: item.year ?? undefined, ids };
}

/** The scrobble body's item part (docs.trakt.tv/reference/postscrobblestart). */
export function scrobbleItem(ref: TraktRef) {
  return ref.kind === 'movie' ? { movie: { title: ref.title, year: ref.year, ids: ref.ids } } : { show: ref.show, episode: { season: ref.season, number: ref.number } };
}
