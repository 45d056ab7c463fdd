// Reads multi-episode runs after a first episode marker: "S01E01E02", "S01E01-E03", "1x01x02",
// "2x04.2x05", "E01~E12". A tight "-" or a "~" means a range; anything else lists episodes.

const MAX_RANGE = 500;

/** Episodes read so far and where the run ends in the name. */
export type Run = { episodes: number[]; end: number };

/** Extends the run up to `to` (inclusive). False when `to` does not continue it. */
export function fillRange(list: number[], to: number): boolean {
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

/** Reads "E02", "-E03", "-03", ".S01E04", " - 1x05" after "S01E01". */
export function readSeasonEpisodeRun(text: string, end: number, season: number, first: number): Run {
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
export function readCrossRun(text: string, end: number, season: number, first: number, scene: boolean): Run {
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
export function readRange(text: string, end: number, first: number, combined: boolean): Run {
  const episodes = [first];
  const range = /^(?:[-~_]|\s*~\s*)(?:ep|e)?(\d{1,4})(?:v\d)?(?![\p{L}\p{N}]|\.\d)/iu.exec(text.slice(end));
  if (range) {
    const last = combined ? Number(range[1]) % 100 : Number(range[1]);
    if (fillRange(episodes, last)) end += range[0].length;
  }
  return { episodes, end };
}
