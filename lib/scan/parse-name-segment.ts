// Reads one path segment (a file name without extension, or a folder name): its title, year and
// episode marker. Path-level choices (folder or file title, season folders) are parse-name.ts's.
import { cleanTitle } from './clean-title';
import { matchEpisode, type EpisodeMatch } from './match-episode';
import { prepareName } from './prepare-name';
import { findReleaseTokens, looksLikeReleaseName, releaseJunkIndex } from './release-tokens';
import { findReleaseYear, splitTrailingYear } from './release-year';

export type SegmentContext = {
  /** Look for episode markers (off in a movie library). */
  episodes: boolean;
  /** The segment sits in a season folder or a TV library. */
  seasonContext: boolean;
};

export type ParsedSegment = {
  title: string | null;
  year: number | null;
  season: number | null;
  episodes: number[] | null;
  absolute: number | null;
  airDate: string | null;
  /** A season, episode or air date was found. */
  hasEpisode: boolean;
  /** Which episode pattern matched (episode-patterns.ts id), or null. */
  marker: string | null;
  /** The segment carries quality/source/codec tokens: a release name rather than a clean title. */
  releaseLike: boolean;
};

const TRAILING_DATE = /[ ._-]+(?:19|20)\d{2}[ ._-]\d{1,2}[ ._-]\d{1,2}[ ._-]*$/u;
/** "The.Pacific.Part.05": the word before the episode number is not part of the title. */
const TRAILING_PART_WORD = /[ ._-]+(?:part|pt)[ ._-]*$/iu;
const TRAILING_VERSION = /[ ._]+v\d[ ._([]*$/iu;
const LEADING_YEAR = /^\(((?:18|19|20)\d{2})\)[\s._-]*(?=[\p{L}\p{N}])/u;

function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/**
 * "HD 720p: Some Show…": release tokens in front of the title go. A lone word-like token stays
 * ("Remux Me (2020)" is a title): one alone goes only when it is more than letters ("1080p", "web-dl") or in capitals.
 */
function stripLeadingReleaseTokens(text: string): string {
  const separators = /^[\s._\-:[\]()]*/u;
  let position = separators.exec(text)![0].length;
  let strong = false;
  const run: string[] = [];
  for (const token of findReleaseTokens(text)) {
    if (token.start !== position) break;
    strong ||= token.strength === 'strong';
    run.push(token.text);
    position = token.end + separators.exec(text.slice(token.end))![0].length;
  }
  const wordLike = run.length === 1 && /^\p{L}+$/u.test(run[0]) && !isAllCaps(run[0]);
  return strong && !wordLike && /\p{L}/u.test(text.slice(position)) ? text.slice(position) : text;
}

function titleRegion(text: string, match: EpisodeMatch): string {
  if (!match.titleAfter) return text.slice(0, match.start);
  const after = text.slice(match.end).replace(/^[\s._-]+/u, '');
  // "003. Show Name - Episode Name": the show name runs to the next " - ".
  return after.split(/\s+-\s+/u)[0];
}

function parseEpisodeSegment(text: string, match: EpisodeMatch, allCaps: boolean, releaseLike: boolean): ParsedSegment {
  let region = stripLeadingReleaseTokens(titleRegion(text, match));
  region = region.slice(0, releaseJunkIndex(region, { allCaps })).replace(TRAILING_DATE, ' ').replace(TRAILING_PART_WORD, ' ');
  const { title, year } = splitTrailingYear(region);
  const episodes = match.episodes;
  return {
    title: cleanTitle(title),
    year,
    season: match.season,
    episodes,
    absolute: match.absolute && episodes ? episodes[0] : null,
    airDate: match.airDate,
    hasEpisode: true,
    marker: match.patternId,
    releaseLike,
  };
}

function parseMovieSegment(text: string, allCaps: boolean, releaseLike: boolean): ParsedSegment {
  text = stripLeadingReleaseTokens(text);
  let leadingYear: number | null = null;
  const leading = LEADING_YEAR.exec(text);
  if (leading) {
    leadingYear = Number(leading[1]);
    text = text.slice(leading[0].length);
  }
  const year = findReleaseYear(text);
  const stop = year ? year.start : text.length;
  const end = Math.min(stop, releaseJunkIndex(text, { stop, allCaps }));
  const region = text.slice(0, end).replace(TRAILING_VERSION, '');
  return {
    title: cleanTitle(region),
    year: year?.year ?? leadingYear,
    season: null,
    episodes: null,
    absolute: null,
    airDate: null,
    hasEpisode: false,
    marker: null,
    releaseLike,
  };
}

/** Obfuscated releases sometimes write the whole name backwards: "…10E10S.esaeleR.emoS". */
const REVERSED_MARKER = /(?<![\p{L}\p{N}])\d{1,4}E\d{1,4}S(?![\p{L}\p{N}])/iu;
const FORWARD_MARKER = /(?<![\p{L}\p{N}])S\d{1,4}E\d{1,4}(?![\p{L}\p{N}])/iu;

/** Title, year and episode marker of one name. */
export function parseNameSegment(name: string, context: SegmentContext): ParsedSegment {
  if (context.episodes && REVERSED_MARKER.test(name) && !FORWARD_MARKER.test(name)) {
    return parseNameSegment([...name].reverse().join(''), context);
  }
  const prepared = prepareName(name);
  const text = prepared.text;
  const allCaps = isAllCaps(text);
  const releaseLike = looksLikeReleaseName(text);
  if (context.episodes) {
    const match = matchEpisode(text, { group: prepared.group !== null, seasonContext: context.seasonContext });
    if (match) return parseEpisodeSegment(text, match, allCaps, releaseLike);
  }
  return parseMovieSegment(text, allCaps, releaseLike);
}
