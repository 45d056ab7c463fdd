// Finds the release year in a name: "The Matrix (1999)", "The.Matrix.1999.1080p", "2001 A Space
// Odyssey (1968)". A year at the very start is part of the title ("1917 (2019)", "2012.2009").
import { MAX_YEAR, MIN_YEAR } from './naming-rules';

export type YearMatch = { year: number; start: number; end: number; bracketed: boolean };

const YEAR_REGEX = /(?<![\p{L}\p{N}])([([]?)(\d{4})([)\]]?)(?![\p{L}\p{N}])/gu;
const ONLY_SEPARATORS = /^[\s._\-[\]()]*$/u;

function isYear(value: number): boolean {
  return value >= MIN_YEAR && value <= MAX_YEAR;
}

/** Every plausible year in `text` that has some title before it. */
export function findYearCandidates(text: string): YearMatch[] {
  const found: YearMatch[] = [];
  YEAR_REGEX.lastIndex = 0;
  for (let match = YEAR_REGEX.exec(text); match; match = YEAR_REGEX.exec(text)) {
    const year = Number(match[2]);
    if (!isYear(year)) continue;
    const open = match[1];
    const close = match[3];
    const bracketed = (open === '(' && close === ')') || (open === '[' && close === ']');
    // An unmatched bracket belongs to something else ("(1)The Girl…" or "[2019][02]").
    const start = match.index + (bracketed ? 0 : open.length);
    const end = match.index + match[0].length - (bracketed ? 0 : close.length);
    if (!/[\p{L}\p{N}]/u.test(text.slice(0, start))) continue;
    found.push({ year, start, end, bracketed });
  }
  return found;
}

/**
 * The release year of a movie-style name. A bracketed year wins; otherwise the first year that is
 * not immediately followed by another year ("Movie.Klasse.von.1999.1990" → 1990).
 */
export function findReleaseYear(text: string): YearMatch | null {
  const candidates = findYearCandidates(text);
  const bracketed = candidates.find((candidate) => candidate.bracketed);
  if (bracketed) return bracketed;
  for (let i = 0; i < candidates.length; i++) {
    const next = candidates[i + 1];
    if (next && ONLY_SEPARATORS.test(text.slice(candidates[i].end, next.start))) continue;
    return candidates[i];
  }
  return null;
}

/** A year that ends `region` ("Doctor.Who.2005." before "S01E01") and the region without it. */
export function splitTrailingYear(region: string): { title: string; year: number | null } {
  const candidates = findYearCandidates(region);
  const last = candidates[candidates.length - 1];
  if (!last || !ONLY_SEPARATORS.test(region.slice(last.end))) return { title: region, year: null };
  return { title: region.slice(0, last.start), year: last.year };
}
