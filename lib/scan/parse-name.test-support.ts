// Shared row shape and assertion for the parse-name test tables. A row is a tuple so each table
// reads as a list of names with their expected reading, one line per name.
import { expect } from 'vitest';
import { parseMediaPath, parseOutput, type LibraryHint, type ParsedName } from './parse-name';

export type Expected = [
  input: string,
  type: ParsedName['type'],
  title: string | null,
  year: number | null,
  season: number | null,
  episode: number | number[] | null,
  more?: { absolute?: number | null; air_date?: string | null; hint?: LibraryHint; extra?: ParsedName['extra']; ids?: ParsedName['ids'] },
];

/** Parse `input` and check every field the row states (absolute and air date default to null). */
export function expectParsed([input, type, title, year, season, episode, more = {}]: Expected): void {
  const parsed = parseMediaPath(input, more.hint);
  expect(parseOutput(parsed)).toEqual({ type, title, year, season, episode, absolute: more.absolute ?? null, air_date: more.air_date ?? null });
  if (more.extra !== undefined) expect(parsed.extra).toBe(more.extra);
  if (more.ids !== undefined) expect(parsed.ids).toEqual(more.ids);
}
