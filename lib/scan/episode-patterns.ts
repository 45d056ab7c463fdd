// Episode markers as data: each pattern names what it reads, where it may apply, and the regex.
// match-episode.ts tries them in this order and the first that fits wins, so the order is the
// priority (an explicit "S01E02" beats a bare "102", which beats an anime " - 02").

/** What a pattern's capture groups hold. */
export type EpisodePatternKind =
  | 'season-episode' // groups: season, episode
  | 'combined-number' // groups: season digits, episode digits ("102" → 1, 2)
  | 'date-ymd' // groups: year, month, day (month and day may be swapped when invalid)
  | 'date-mdy' // groups: month, day, year (or day, month, year when the first is over 12)
  | 'episode' // groups: episode
  | 'absolute' // groups: absolute episode
  | 'leading-episode' // groups: episode, optional last episode; the title follows the number
  | 'season'; // groups: season

export type EpisodePattern = {
  id: string;
  kind: EpisodePatternKind;
  regex: RegExp;
  /** How more episodes after the first are written ("E01E02", "1x01x02", "01-03"). */
  continuation?: 'season-episode' | 'cross' | 'range';
  /** Only with a leading "[Group]" tag (anime releases), or never with one. */
  group?: 'required' | 'forbidden';
  /** Must be followed by release tokens, a bracket, another number or the end of the name. */
  mustEndTitle?: boolean;
  /** A bare number: never part of a release token ("H.264", "DD5.1", "1080"). */
  bareNumber?: boolean;
  /** Never inside an open "[…" or "(…" group, where numbers are technical notes ("[Divx.5.02]"). */
  outsideBrackets?: boolean;
  /** Without a "[Group]" tag the number needs this many digits ("Show - 05", not "Movie - 2"). */
  minDigitsWithoutGroup?: number;
  /** Says "season and episode" (or a date) outright: it beats a weaker marker in a folder name. */
  explicit?: boolean;
};

const B = '(?<![\\p{L}\\p{N}])';
const SEASON_WORD = '(?:season|saison|temporada|stagione|staffel|seizoen|sezon|temp|tem)';
const EPISODE_WORD = '(?:episode|episodio|épisode|episodi|ep|epi|folge|capitulo|cap)';

export const EPISODE_PATTERNS: readonly EpisodePattern[] = [
  {
    id: 'sxxexx',
    kind: 'season-episode',
    regex: new RegExp(`${B}s(\\d{1,4})[ ._-]{0,3}(?:ep|xe|e|x)\\.?[ ._]?(\\d{1,5})(?!\\d)`, 'iu'),
    continuation: 'season-episode',
    explicit: true,
  },
  {
    id: 'nxnn',
    kind: 'season-episode',
    regex: new RegExp(`${B}(\\d{1,4})x(\\d{1,3})(?!\\d)`, 'iu'),
    continuation: 'cross',
    explicit: true,
  },
  {
    id: 'season-episode-words',
    kind: 'season-episode',
    regex: new RegExp(`${B}${SEASON_WORD}[ ._-]*(\\d{1,4})[ ._,-]*${EPISODE_WORD}\\.?[ ._-]*(\\d{1,4})(?!\\d)`, 'iu'),
    continuation: 'range',
    explicit: true,
  },
  {
    id: 'spanish-cap',
    kind: 'combined-number',
    regex: new RegExp(`${B}cap[ ._]?(\\d{1,2})(\\d{2})(?!\\d)`, 'iu'),
    continuation: 'range',
    explicit: true,
  },
  {
    id: 'scene-number',
    kind: 'combined-number',
    regex: /(?<=[ ._[])([1-9]|0[1-9]|[1-9]\d)(\d{2})(?![\p{L}\p{N}])/u,
    group: 'forbidden',
    mustEndTitle: true,
    bareNumber: true,
    continuation: 'cross',
  },
  { id: 'date-ymd', kind: 'date-ymd', regex: /(?<!\d)((?:19|20)\d{2})[ ._-](\d{1,2})[ ._-](\d{1,2})(?!\d)/u, explicit: true },
  { id: 'date-mdy', kind: 'date-mdy', regex: /(?<!\d)(?<!\d[.])(\d{1,2})[._-](\d{1,2})[._-]((?:19|20)\d{2})(?!\d)/u, explicit: true },
  { id: 'date-compact', kind: 'date-ymd', regex: /(?<![\p{L}\p{N}])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\p{L}\p{N}])/u },
  {
    id: 'date-short',
    kind: 'date-ymd',
    regex: /(?<=[ ._])(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[ ._-])/u,
    mustEndTitle: true,
    bareNumber: true,
    outsideBrackets: true,
  },
  {
    id: 'episode-word',
    kind: 'episode',
    regex: new RegExp(`${B}(?:${EPISODE_WORD}|e|#)\\.?[ ._-]{0,3}(\\d{1,4})(?:v\\d)?(?!\\d)`, 'iu'),
    continuation: 'range',
  },
  { id: 'cjk-episode', kind: 'episode', regex: /第(\d{1,4})[话話集]/u },
  {
    id: 'leading-number',
    kind: 'leading-episode',
    regex: /^(\d{1,3})(?:[-~](\d{1,3}))?(?:v\d)?(?=[ ._-]|$)/u,
  },
  {
    id: 'anime-dash',
    kind: 'absolute',
    regex: /(?<=[ ._\])])-[ ._]*(\d{1,4})(?:v\d)?(?=$|[ ._[(~,-])/u,
    continuation: 'range',
    bareNumber: true,
    outsideBrackets: true,
    minDigitsWithoutGroup: 2,
  },
  {
    id: 'anime-tight-dash',
    kind: 'absolute',
    regex: /(?<=\p{L})-(\d{1,4})(?:v\d)?(?=[[(]|$)/u,
    group: 'required',
    bareNumber: true,
    outsideBrackets: true,
  },
  {
    id: 'bracket-number',
    kind: 'absolute',
    regex: /\[(\d{1,4})(?:[-~](\d{1,4}))?(?:v\d)?(?:END|完)?\]|\((\d{1,3})\)[ ._]*$/iu,
    group: 'required',
    continuation: 'range',
  },
  {
    id: 'anime-number',
    kind: 'absolute',
    regex: /(?<=[ ._])(\d{1,4})(?:[ ._]?v\d)?(?=[ ._]*$|[ ._]*[[(]|[ ._]+-|[ ._]+\p{L})/u,
    group: 'required',
    bareNumber: true,
    outsideBrackets: true,
  },
  {
    id: 'padded-number',
    kind: 'episode',
    regex: /(?<=[ ._])(0\d)(?:v\d)?(?![\p{L}\p{N}])/u,
    group: 'forbidden',
    bareNumber: true,
    outsideBrackets: true,
  },
  {
    id: 'season-only',
    kind: 'season',
    regex: new RegExp(`${B}(?:s(\\d{1,2})|${SEASON_WORD}[ ._-]*(\\d{1,4})|(\\d{1,2})(?:st|nd|rd|th)[ ._-]*season)(?![\\p{L}\\p{N}])`, 'iu'),
  },
];

const EXPLICIT_IDS = new Set(EPISODE_PATTERNS.filter((pattern) => pattern.explicit).map((pattern) => pattern.id));

/** Whether the pattern with this id states season and episode (or a date) outright. */
export function isExplicitMarker(id: string | null): boolean {
  return id !== null && EXPLICIT_IDS.has(id);
}
