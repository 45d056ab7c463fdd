// Finds the episode marker in a prepared name by trying the patterns of episode-patterns.ts in
// order, checking each candidate (a resolution is not "1280x720" season 1280; a year is not
// episode 2014) and reading multi-episode runs ("S01E01E02", "1x01-03", "E01~E12").
import { EPISODE_PATTERNS, type EpisodePattern } from './episode-patterns';
import { EPISODE_DENYING_TOKENS } from './naming-rules';
import { findReleaseTokens, releaseJunkIndex, type ReleaseToken } from './release-tokens';

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
const MAX_RANGE = 500;

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

function fillRange(list: number[], to: number): boolean {
  const from = list[list.length - 1];
  if (to <= from || to - from > MAX_RANGE) return false;
  for (let n = from + 1; n <= to; n++) list.push(n);
  return true;
}

const NOT_A_CODEC = /^(?![xh]\.?26[45])/iu;

/** Adds `next` to the run: a range when joined by "-" or "~", else one more episode. False ends the run. */
function extendRun(episodes: number[], next: number, connector: string): boolean {
  // A tight "-" or any "~" is a range ("E01-E03", "01~10"); " - " between full markers is a list.
  if (/^[-~]$|~/u.test(connector.replace(/[._]/gu, ''))) return fillRange(episodes, next);
  if (next <= episodes[episodes.length - 1]) return false;
  episodes.push(next);
  return true;
}

type Run = { episodes: number[]; end: number };

/** Reads "E02", "-E03", "-03", ".S01E04", " - 1x05" after "S01E01". */
function readSeasonEpisodeRun(text: string, end: number, season: number, first: number): Run {
  const episodes = [first];
  for (;;) {
    const rest = text.slice(end);
    const again = /^([ ._]*(?:-|&|\+|and)?[ ._]*)s(\d{1,4})[ ._-]{0,3}(?:ep|xe|e|x)\.?[ ._]?(\d{1,4})(?!\d)/iu.exec(rest)
      ?? /^([ ._]*-[ ._]*)(\d{1,4})x(\d{1,3})(?!\d)/u.exec(rest);
    if (again) {
      if (Number(again[2]) !== season || !extendRun(episodes, Number(again[3]), again[1])) break;
      end += again[0].length;
      continue;
    }
    const marked = /^(-|[ ._]*[-&+~][ ._]*|[ ._]?)(?:ep|e|x)\.?(\d{1,4})(?!\d)/iu.exec(rest);
    if (marked && NOT_A_CODEC.test(rest.slice(marked[1].length))) {
      if (!extendRun(episodes, Number(marked[2]), marked[1])) break;
      end += marked[0].length;
      continue;
    }
    const bare = /^([-~_+])(\d{1,3})(?![\p{L}\p{N}])/u.exec(rest);
    if (bare) {
      if (!extendRun(episodes, Number(bare[2]), bare[1])) break;
      end += bare[0].length;
      continue;
    }
    return { episodes, end };
  }
  return { episodes, end };
}

/** Reads "x02", " - 1x03", "-04", "_02" after "1x01", or "104" after a scene-style "103". */
function readCrossRun(text: string, end: number, season: number, first: number, scene: boolean): Run {
  const episodes = [first];
  for (;;) {
    const rest = text.slice(end);
    const sameSeason = scene
      ? /^([ ._]+)(\d)(\d{2})(?![\p{L}\p{N}])/u.exec(rest)
      : /^([ ._]*(?:-|&|\+)?[ ._]*)(\d{1,4})x(\d{1,3})(?!\d)/u.exec(rest);
    if (sameSeason) {
      if (Number(sameSeason[2]) !== season || !extendRun(episodes, Number(sameSeason[3]), sameSeason[1])) break;
      end += sameSeason[0].length;
      continue;
    }
    if (scene) break;
    const marked = /^([ ._]*-?[ ._]*)(?:x|e)(\d{1,3})(?!\d)/iu.exec(rest);
    if (marked && NOT_A_CODEC.test(rest.slice(marked[1].length)) && (marked[1] === '' || marked[1].includes('-'))) {
      if (!extendRun(episodes, Number(marked[2]), marked[1])) break;
      end += marked[0].length;
      continue;
    }
    const bare = /^([-_~])(\d{1,3})(?![\p{L}\p{N}])/u.exec(rest);
    if (bare) {
      if (!extendRun(episodes, Number(bare[2]), bare[1])) break;
      end += bare[0].length;
      continue;
    }
    break;
  }
  return { episodes, end };
}

/** Reads "-E16", "~12", " ~ 10" after a first episode number: a range. */
function readRange(text: string, end: number, first: number, combined: boolean): Run {
  const episodes = [first];
  const range = /^(?:[-~_]|\s*~\s*)(?:ep|e)?(\d{1,4})(?:v\d)?(?![\p{L}\p{N}]|\.\d)/iu.exec(text.slice(end));
  if (range) {
    const last = combined ? Number(range[1]) % 100 : Number(range[1]);
    if (fillRange(episodes, last)) end += range[0].length;
  }
  return { episodes, end };
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
  if (pattern.group === 'forbidden' && context.group) return false;
  return !pattern.seasonContext || context.seasonContext;
}

/** Bare numbers that are part of a release token ("H.264", "DD5.1", "1080") are not episodes. */
const BARE_NUMBER_PATTERNS = new Set(['scene-number', 'date-short', 'anime-dash', 'anime-tight-dash', 'anime-number', 'padded-number']);

function insideReleaseToken(tokens: ReleaseToken[], start: number, end: number): boolean {
  return tokens.some((token) => token.start < end && token.end > start);
}

/** Inside an open "[…" or "(…" group: technical notes, not the episode ("[Divx.5.02]"). */
function insideBrackets(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const count = (char: string) => before.split(char).length - 1;
  return count('[') > count(']') || count('(') > count(')');
}

const UNBRACKETED_PATTERNS = new Set(['date-short', 'anime-dash', 'anime-tight-dash', 'anime-number', 'padded-number']);

function tryMatch(pattern: EpisodePattern, match: RegExpMatchArray, text: string, context: EpisodeContext, tokens: ReleaseToken[]): EpisodeMatch | null {
  const start = match.index ?? 0;
  const end = start + match[0].length;
  const base = { patternId: pattern.id, start, end, season: null, episodes: null, absolute: false, airDate: null, titleAfter: false };
  if (BARE_NUMBER_PATTERNS.has(pattern.id) && insideReleaseToken(tokens, start, end)) return null;
  if (UNBRACKETED_PATTERNS.has(pattern.id) && insideBrackets(text, start)) return null;
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
      if (!hasTitleBefore(text, start) && pattern.id !== 'episode-word' && pattern.id !== 'cjk-episode') return null;
      if (pattern.id === 'anime-dash' && !context.group && digits.length < 2) return null;
      if (pattern.id === 'anime-number' && !/^0\d/u.test(digits) && /^[ ._]+\p{L}/u.test(text.slice(end)) && !endsTitle(text, end)) return null;
      if (pattern.id === 'anime-number' && /\d[.,]$/u.test(text.slice(0, start))) return null;
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
