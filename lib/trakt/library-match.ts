// Which library item a Trakt movie or show is: by TMDB, IMDb or TheTVDB id, then by title + year;
// and which episode of a matched show a Trakt episode is. Shared by the pull and by adoption (a
// catalog-only item that a scan later brings into a library).
import { db } from '@/lib/db';

export type TraktMedia = { title?: string | null; year?: number | null; ids: { trakt: number; imdb?: string | null; tmdb?: number | null; tvdb?: number | null } };

const normTitle = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Library items of one kind, indexed by every id and by title + year. */
export async function libraryIndex(kind: 'movie' | 'show') {
  const kinds = kind === 'movie' ? (['movie', 'video'] as const) : (['show'] as const);
  const items = await db.mediaItem.findMany({ where: { kind: { in: [...kinds] } }, select: { id: true, title: true, year: true, tmdbId: true, imdbId: true, tvdbId: true } });
  const byId = new Map<string, string>();
  for (const i of items) {
    if (i.tmdbId) byId.set(`tmdb:${i.tmdbId}`, i.id);
    if (i.imdbId) byId.set(`imdb:${i.imdbId}`, i.id);
    if (i.tvdbId) byId.set(`tvdb:${i.tvdbId}`, i.id);
    byId.set(`title:${normTitle(i.title)}:${i.year ?? ''}`, i.id);
  }
  return (m: TraktMedia): string | null =>
    (m.ids.tmdb ? byId.get(`tmdb:${m.ids.tmdb}`) : undefined) ??
    (m.ids.imdb ? byId.get(`imdb:${m.ids.imdb}`) : undefined) ??
    (m.ids.tvdb ? byId.get(`tvdb:${m.ids.tvdb}`) : undefined) ??
    (m.title ? byId.get(`title:${normTitle(m.title)}:${m.year ?? ''}`) : undefined) ??
    null;
}

/** Episodes of the matched shows, by show id + season + number. */
export async function episodeIndex(showIds: string[]) {
  const eps: { id: string; showId: string; seasonNumber: number; number: number }[] = [];
  // In chunks: SQLite (through Prisma's adapter) takes a limited number of parameters per query.
  for (let i = 0; i < showIds.length; i += 500) {
    eps.push(...(await db.episode.findMany({ where: { showId: { in: showIds.slice(i, i + 500) } }, select: { id: true, showId: true, seasonNumber: true, number: true } })));
  }
  const map = new Map(eps.map((e) => [`${e.showId}:${e.seasonNumber}:${e.number}`, e.id]));
  return (showId: string, season: number, number: number) => map.get(`${showId}:${season}:${number}`) ?? null;
}
