// Matching a library item to an online record: parsed title and year against a provider's search
// results. Pure: candidates in, scored candidates and a decision out, so every rule is a table test.
// Score = 0.8 × title similarity + 0.2 × year agreement. A candidate is accepted automatically when
// it scores at least AUTO_ACCEPT and beats the runner-up by MARGIN; otherwise the item waits in the
// admins' unmatched list, with the candidates and their scores to choose from.

export type MatchKind = 'movie' | 'show';
export type MatchQuery = { kind: MatchKind; title: string; year: number | null };
export type Candidate = { provider: string; id: string; title: string; originalTitle?: string | null; year: number | null; popularity?: number | null };
export type ScoredCandidate = Candidate & { score: number; titleScore: number; yearScore: number };
export type MatchDecision = { accepted: ScoredCandidate | null; reason: string };

export const AUTO_ACCEPT = 0.85;
export const MARGIN = 0.05;

const ARTICLES = /^(the|a|an|le|la|les|der|die|das|el|los)\s+/;

/** Lower case, no accents or punctuation, "&" as "and", no leading article. */
export function normalizeForMatch(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(ARTICLES, '');
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** 1 for the same title, towards 0 for unrelated ones: the better of edit distance and shared words. */
export function titleSimilarity(a: string, b: string): number {
  const x = normalizeForMatch(a);
  const y = normalizeForMatch(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const edit = 1 - levenshtein(x, y) / Math.max(x.length, y.length);
  const wx = new Set(x.split(' '));
  const wy = new Set(y.split(' '));
  const shared = [...wx].filter((w) => wy.has(w)).length;
  const words = shared / (wx.size + wy.size - shared);
  return Math.max(edit, words);
}

/** 1 for the same year, 0.5 a year apart (release dates differ by country) or when we do not know ours, else 0. */
export function yearAgreement(ours: number | null, theirs: number | null): number {
  if (ours === null) return 0.5;
  if (theirs === null) return 0.25;
  const d = Math.abs(ours - theirs);
  return d === 0 ? 1 : d === 1 ? 0.5 : 0;
}

export function scoreCandidates(q: MatchQuery, candidates: readonly Candidate[]): ScoredCandidate[] {
  return candidates
    .map((c) => {
      const titleScore = Math.max(titleSimilarity(q.title, c.title), c.originalTitle ? titleSimilarity(q.title, c.originalTitle) : 0);
      const yearScore = yearAgreement(q.year, c.year);
      return { ...c, titleScore, yearScore, score: Math.round((0.8 * titleScore + 0.2 * yearScore) * 1000) / 1000 };
    })
    .sort((a, b) => b.score - a.score || (b.popularity ?? 0) - (a.popularity ?? 0));
}

export function decideMatch(scored: readonly ScoredCandidate[]): MatchDecision {
  const [top, second] = scored;
  if (!top) return { accepted: null, reason: 'no candidates' };
  if (top.score < AUTO_ACCEPT) return { accepted: null, reason: `best score ${top.score} is under ${AUTO_ACCEPT}` };
  if (second && top.score - second.score < MARGIN) return { accepted: null, reason: `ambiguous: ${top.score} against ${second.score}` };
  return { accepted: top, reason: `score ${top.score}${second ? `, next ${second.score}` : ''}` };
}
