// Provider ids written into folder and file names: "[tmdbid-603]", "{tmdb-603}", "[tvdbid-81189]",
// "[imdbid-tt0133093]", or a bare "tt0133093". Found once for the whole path, then cut out of each
// name so they never reach a title.
export type MediaIds = { tmdb?: string; tvdb?: string; imdb?: string };

const TAGGED_ID = /[[{(]\s*(tmdb|tvdb|imdb)(?:id)?\s*[-=:\s]\s*(tt\d{5,10}|\d{1,10})\s*[\]})]/giu;
const BARE_IMDB_ID = /(?<![\p{L}\p{N}])(tt\d{7,10})(?![\p{L}\p{N}])/gu;

/** Ids found in the given names; the first name listed wins when two disagree. */
export function findMediaIds(names: string[]): MediaIds {
  const ids: MediaIds = {};
  for (const name of names) {
    for (const match of name.matchAll(TAGGED_ID)) {
      const provider = match[1].toLowerCase() as keyof MediaIds;
      const value = provider === 'imdb' && !match[2].startsWith('tt') ? `tt${match[2]}` : match[2];
      ids[provider] ??= value;
    }
    for (const match of name.matchAll(BARE_IMDB_ID)) ids.imdb ??= match[1];
  }
  return ids;
}

/** The name without its id tags. */
export function stripMediaIds(name: string): string {
  return name.replace(TAGGED_ID, ' ').replace(BARE_IMDB_ID, ' ').replace(/\s{2,}/gu, ' ').trim();
}
