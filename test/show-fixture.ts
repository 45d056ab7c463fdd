// Library rows for tests that need shows, episodes and movies but no files: made through the same
// domain functions the API's create routes use, in a library with no folders (nothing is scanned).
import { db } from '@/lib/db';
import { createEpisode, createSeason, createShow } from '@/lib/library/create-entries';

export type ShowFixture = { libraryId: string; showId: string; seasons: Record<number, string>; ep: Record<string, string> };

let n = 0;

export async function makeLibrary(type: 'tv' | 'movies' = 'tv'): Promise<string> {
  return (await db.library.create({ data: { name: `Fixture ${++n}`, type }, select: { id: true } })).id;
}

/** A show with `episodes[i]` episodes in season i+1 (aired in the past), keyed `"<season>x<episode>"`. */
export async function makeShow(title: string, episodes: number[], ids: { tvdb_id?: string; tmdb_id?: string; imdb_id?: string } = {}, libraryId?: string): Promise<ShowFixture> {
  const lib = libraryId ?? (await makeLibrary('tv'));
  const { id: showId } = await createShow(lib, { title, ...ids });
  const seasons: Record<number, string> = {};
  const ep: Record<string, string> = {};
  for (const [i, count] of episodes.entries()) {
    const season = i + 1;
    seasons[season] = (await createSeason(showId, { number: season })).id;
    for (let e = 1; e <= count; e++) {
      ep[`${season}x${e}`] = (await createEpisode(seasons[season], { number: e, title: `Episode ${e}`, air_date: `2020-0${season}-${String(e).padStart(2, '0')}` })).id;
    }
  }
  return { libraryId: lib, showId, seasons, ep };
}

/** A movie with external ids. */
export async function makeMovie(title: string, year: number, ids: { tmdbId?: string; imdbId?: string; tvdbId?: string } = {}, libraryId?: string): Promise<string> {
  const lib = libraryId ?? (await makeLibrary('movies'));
  const item = await db.mediaItem.create({
    data: { libraryId: lib, kind: 'movie', identityKey: `movie:${title.toLowerCase()}:${year}:${++n}`, title, sortTitle: title.toLowerCase(), year, ...ids },
    select: { id: true },
  });
  return item.id;
}
