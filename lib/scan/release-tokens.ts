// Finds release tokens (quality, source, codec, audio, HDR, edition, language, group noise) in a
// name and says where the title ends. The token lists live in naming-rules.ts; this file only
// compiles them and applies the strong/weak rule.
import { RELEASE_TOKEN_RULES, TRAILING_WEAK_CATEGORIES, type TokenCategory } from './naming-rules';

export type ReleaseToken = {
  start: number;
  end: number;
  text: string;
  category: TokenCategory;
  strength: 'strong' | 'weak';
};

const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{N}])';
const BOUNDARY_AFTER = '(?![\\p{L}\\p{N}])';

/** One alternation with a capture group per rule, so a match says which rule it came from. */
const TOKEN_REGEX = new RegExp(
  `${BOUNDARY_BEFORE}(?:${RELEASE_TOKEN_RULES.map((rule) => `(${rule.patterns.join('|')})`).join('|')})${BOUNDARY_AFTER}`,
  'giu',
);

/** Only separators between two tokens: they belong to one run of release noise. */
const ONLY_SEPARATORS = /^[\s._\-[\]()+,&/{}|~]*$/u;

/** Names are read several times (title, markers, what follows a number): remember recent answers. */
const recent = new Map<string, readonly ReleaseToken[]>();
const RECENT_LIMIT = 2048;

/** Every release token in `text`, in order of position. */
export function findReleaseTokens(text: string): readonly ReleaseToken[] {
  const known = recent.get(text);
  if (known) return known;
  if (recent.size >= RECENT_LIMIT) recent.clear();
  const tokens = scanReleaseTokens(text);
  recent.set(text, tokens);
  return tokens;
}

function scanReleaseTokens(text: string): ReleaseToken[] {
  const tokens: ReleaseToken[] = [];
  TOKEN_REGEX.lastIndex = 0;
  for (let match = TOKEN_REGEX.exec(text); match; match = TOKEN_REGEX.exec(text)) {
    const ruleIndex = match.slice(1).findIndex((group) => group !== undefined);
    const rule = RELEASE_TOKEN_RULES[ruleIndex];
    tokens.push({ start: match.index, end: match.index + match[0].length, text: match[0], category: rule.category, strength: rule.strength });
    if (match[0].length === 0) TOKEN_REGEX.lastIndex++;
  }
  return tokens;
}

function isShouted(text: string): boolean {
  return text.length >= 3 && /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

export type JunkOptions = {
  /** Where the title region ends anyway (a year or an episode marker); tokens after it are ignored. */
  stop?: number;
  /** The whole name is written in capitals, so capitals say nothing about a word. */
  allCaps?: boolean;
  /** Accept a token at the very start (when reading what follows a marker, not a title). */
  fromStart?: boolean;
};

/**
 * Index where release noise starts in `text`, or `text.length` when there is none. A token at the
 * very start never counts (a title is never empty because of it).
 */
export function releaseJunkIndex(text: string, options: JunkOptions = {}): number {
  const stop = options.stop ?? text.length;
  const tokens = findReleaseTokens(text);
  const qualifies = new Array<boolean>(tokens.length).fill(false);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.strength === 'strong') {
      qualifies[i] = true;
      continue;
    }
    const next = tokens[i + 1];
    const gapToNext = next ? text.slice(token.end, next.start) : null;
    const followedByJunk = next !== undefined && gapToNext !== null && ONLY_SEPARATORS.test(gapToNext) && qualifies[i + 1];
    const atStop = ONLY_SEPARATORS.test(text.slice(token.end, Math.max(token.end, stop)));
    const trailing = TRAILING_WEAK_CATEGORIES.includes(token.category) && atStop;
    qualifies[i] = followedByJunk || trailing || (!options.allCaps && isShouted(token.text));
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.start >= stop) break;
    if (!qualifies[i]) continue;
    if (!options.fromStart && !/[\p{L}\p{N}]/u.test(text.slice(0, token.start))) continue;
    return token.start;
  }
  return text.length;
}

/** True when the name carries any strong release token (it is a release name, not a clean title). */
export function looksLikeReleaseName(text: string): boolean {
  return findReleaseTokens(text).some((token) => token.strength === 'strong');
}
