// Finds the episode marker in a prepared name by trying the patterns of episode-patterns.ts in
// order, checking each candidate (a resolution is not "1280x720" season 1280; a year is not
// episode 2014) and reading multi-episode runs ("S01E01E02", "1x01-03", "E01~E12").
import { EPISODE_PATTERNS, type EpisodePattern } from './episode-patterns';
import { EPISODE_DENYING_TOKENS } from './naming-rules';
import { findReleaseTokens, releaseJunkIndex, type ReleaseToken } from './release-tokens';
import { fillRange, readCrossRun, readRange, readSeasonEpisodeRun } from './read-episode-run';

export type EpisodeMatch = {
  patternId: string;
  /** Where the title region ends (or, with `titleAfter`, where the marker starts). */
  start: number;
  end: number;
  season: number | null;
  episodes: number[] | null;
  /** The episode numbers count from the first episode of the show, not of a season. */
  absolute: boolean;
  airDate: string | null;
  /** The title is after the marker ("01 - Show Name"), not before it. */
  titleAfter: boolean;
};

export type EpisodeContext = {
  /** The name had a leading "[Group]" tag. */
  group: boolean;
  /** The file sits in a season folder or a TV library. */
  seasonContext: boolean;
};

const GLOBAL_PATTERNS = EPISODE_PATTERNS.map((pattern) => ({ pattern, regex: new RegExp(pattern.regex.source, `${pattern.regex.flags}g`) }));
const SEASON_ONLY = GLOBAL_PATTERNS.find(({ pattern }) => pattern.kind === 'season')!;
/** A bare number right after "Season" is the season ("30.Rock.Season.04"), never an episode. */
const AFTER_SEASON_WORD = /(?:season|saison|temporada|stagione|staffel|seizoen|sezon)[ ._]*$/iu;

const pad = (value: number) => String(value).padStart(2, '0');
const isYearLike = (digits: string) => digits.length === 4 && /^(?:19|20)\d\d$/u.test(digits);
const hasTitleBefore = (text: string, index: number) => /[\p{L}\p{N}]/u.test(text.slice(0, index));

function toDate(year: number, month: number, day: number): string | null {
  if (month > 12 && day <= 12) [month, day] = [day, month];
  if (year < 1930 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** True when the text after a bare number shows it ends the title: release tokens, a bracket, the end. */
function endsTitle(text: string, end: number): boolean {
  const rest = text.slice(end);
  if (/^[\s._-]*$/u.test(rest) || /^\]/u.test(rest) || /^-[\p{L}\p{N}]+$/u.test(rest)) return true;
  // "Duckman - 101 (01) - …": the absolute number in brackets confirms it.
  if (/^[ ._]*\(\d{1,4}\)/u.test(rest)) return true;
  // "103.104.720p": a second episode number, itself followed by release tokens (not a year).
  const nextNumber = /^[ ._]+(\d{3,4})(?![\p{L}\p{N}])/u.exec(rest);
  if (nextNumber && !isYearLike(nextNumber[1]) && endsTitle(text, end + nextNumber[0].length)) return true;
  const lead = /^[\s._\-[(]*/u.exec(rest)![0].length;
  if (lead === 0) return false;
  const token = findReleaseTokens(rest).find((candidate) => candidate.start === lead);
  if (!token || EPISODE_DENYING_TOKENS.includes(token.text.toLowerCase())) return false;
  return releaseJunkIndex(rest, { fromStart: true }) === lead;
}

function seasonBefore(text: string, index: number): { season: number; start: number } | null {
  let found: { season: number; start: number } | null = null;
  SEASON_ONLY.regex.lastIndex = 0;
  for (const match of text.matchAll(SEASON_ONLY.regex)) {
    const start = match.index ?? 0;
    if (start + match[0].length > index) break;
    if (hasTitleBefore(text, start)) found = { season: Number(match[1] ?? match[2] ?? match[3]), start };
  }
  return found;
}

function allows(pattern: EpisodePattern, context: EpisodeContext): boolean {
  if (pattern.group === 'required' && !context.group) return false;
  return !(pattern.group === 'forbidden' && context.group);
}

function insideReleaseToken(tokens: readonly ReleaseToken[], start: number, end: number): boolean {
  return tokens.some((token) => token.start < end && token.end > start);
}

/** Inside an open "[…" or "(…" group: technical notes, not the episode ("[Divx.5.02]"). */
function insideBrackets(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const count = (char: string) => before.split(char).length - 1;
  return count('[') > count(']') || count('(') > count(')');
}

function tryMatch(pattern: EpisodePattern, match: RegExpMatchArray, text: string, context: EpisodeContext, tokens: readonly ReleaseToken[]): EpisodeMatch | null {
  const start = match.index ?? 0;
  const end = start + match[0].length;
  const base = { patternId: pattern.id, start, end, season: null, episodes: null, absolute: false, airDate: null, titleAfter: false };
  if (pattern.bareNumber && insideReleaseToken(tokens, start, end)) return null;
  if (pattern.outsideBrackets && insideBrackets(text, start)) return null;
  if (pattern.mustEndTitle && !endsTitle(text, end)) return null;
  switch (pattern.kind) {
    case 'season-episode': {
      const season = Number(match[1]);
      const episode = Number(match[2]);
      if (pattern.id === 'nxnn' && ((season >= 320 && episode >= 240) || (season >= 100 && !isYearLike(match[1])))) return null;
      const run = pattern.continuation === 'cross' ? readCrossRun(text, end, season, episode, false)
        : pattern.continuation === 'range' ? readRange(text, end, episode, false)
          : readSeasonEpisodeRun(text, end, season, episode);
      return { ...base, season, episodes: run.episodes, end: run.end };
    }
    case 'combined-number': {
      if (isYearLike(match[1] + match[2])) return null;
      const season = Number(match[1]);
      const episode = Number(match[2]);
      if (episode === 0 || !hasTitleBefore(text, start)) return null;
      // After an episode word or a spaced dash the number is absolute ("Show - 131", "Episode 366").
      const before = text.slice(0, start);
      if (/(?:episode|ep|#)[ ._]*$/iu.test(before)) return null;
      if (/[ _]-[ _]*$/u.test(before) && !/^[ ._]*\(\d{1,4}\)/u.test(text.slice(end))) return null;
      if (pattern.id === 'scene-number') {
        // Inside brackets only as the whole group ("The Office [401] Fun Run"), not "[Xvid 720 * 432]".
        if (insideBrackets(text, start) && !(text[start - 1] === '[' && text[end] === ']')) return null;
        const run = readCrossRun(text, end, season, episode, true);
        return { ...base, season, episodes: run.episodes, end: run.end };
      }
      const run = readRange(text, end, episode, true);
      // "Show - Temporada 2 [HDTV][Cap.201]": the title ends before the season words.
      const title = seasonBefore(text, start);
      return { ...base, start: title?.start ?? start, season, episodes: run.episodes, end: run.end };
    }
    case 'date-ymd':
    case 'date-mdy': {
      const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const airDate = pattern.kind === 'date-mdy' ? toDate(c, a, b)
        : toDate(match[1].length === 2 ? (a < 40 ? 2000 + a : 1900 + a) : a, b, c);
      return airDate ? { ...base, airDate } : null;
    }
    case 'episode':
    case 'absolute': {
      const digits = match[1] ?? match[3];
      const absolute = pattern.kind === 'absolute';
      if ((absolute || pattern.id === 'episode-word') && isYearLike(digits)) return null;
      if (AFTER_SEASON_WORD.test(text.slice(0, start + match[0].indexOf(digits)))) return null;
      if (!hasTitleBefore(text, start) && pattern.id !== 'episode-word' && pattern.id !== 'cjk-episode') return null;
      if (!context.group && digits.length < (pattern.minDigitsWithoutGroup ?? 1)) return null;
      if (pattern.id === 'anime-number' && !/^0\d/u.test(digits) && /^[ ._]+\p{L}/u.test(text.slice(end)) && !endsTitle(text, end)) return null;
      if (pattern.id === 'anime-number' && /\d[.,]$/u.test(text.slice(0, start))) return null;
      // "Neverwhere.05.Down.Street": a padded number after a worded title, then words or release tokens.
      if (pattern.id === 'padded-number' && !(/\p{L}/u.test(text.slice(0, start)) && (endsTitle(text, end) || /^[ ._]+\p{L}/u.test(text.slice(end))))) return null;
      const first = Number(digits);
      const run = match[2] ? { episodes: [first], end } : readRange(text, end, first, false);
      if (match[2]) fillRange(run.episodes, Number(match[2]));
      const season = seasonBefore(text, start);
      if (season) return { ...base, start: season.start, end: run.end, season: season.season, episodes: run.episodes };
      return { ...base, end: run.end, episodes: run.episodes, absolute };
    }
    case 'leading-episode': {
      const digits = match[1];
      const rest = text.slice(end);
      const padded = /^0\d/u.test(digits) && /^[ ._]*(?:-[ ._]*)?[\p{L}]/u.test(rest);
      const dashedAfterGroup = context.group && /^[ ._]+-[ ._]+\p{L}/u.test(rest);
      if (!context.seasonContext && !padded && !dashedAfterGroup) return null;
      const episodes = [Number(digits)];
      if (match[2]) fillRange(episodes, Number(match[2]));
      return { ...base, episodes, titleAfter: !context.seasonContext, absolute: context.group && !context.seasonContext };
    }
    case 'season':
      return { ...base, season: Number(match[1] ?? match[2] ?? match[3]) };
  }
}

/** The episode marker of a prepared name, or null when it has none. */
export function matchEpisode(text: string, context: EpisodeContext): EpisodeMatch | null {
  const tokens = findReleaseTokens(text);
  for (const { pattern, regex } of GLOBAL_PATTERNS) {
    if (!allows(pattern, context)) continue;
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const found = tryMatch(pattern, match, text, context, tokens);
      if (found) return found;
    }
  }
  return null;
}
