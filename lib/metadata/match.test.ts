import { describe, expect, it } from 'vitest';
import { decideMatch, normalizeForMatch, scoreCandidates, titleSimilarity, yearAgreement, type Candidate } from './match';

const c = (id: string, title: string, year: number | null, extra: Partial<Candidate> = {}): Candidate => ({ provider: 'tmdb', id, title, year, ...extra });

describe('normalizeForMatch', () => {
  it.each([
    ['The Matrix', 'matrix'],
    ['Amélie', 'amelie'],
    ['Law & Order: SVU', 'law and order svu'],
    ['  WALL·E ', 'wall e'],
  ])('%s → %s', (input, out) => expect(normalizeForMatch(input)).toBe(out));
});

describe('titleSimilarity and yearAgreement', () => {
  it.each([
    ['Big Test Pattern', 'Big Test Pattern', 1],
    ['the office', 'The Office', 1],
    ['Big Test Pattern', 'The Big Test', 0.667],
    ['Test Card Show', 'Test Card', 0.667],
    ['Heat', 'Casablanca', 0.1],
  ])('%s ~ %s ≈ %d', (a, b, s) => expect(titleSimilarity(a, b)).toBeCloseTo(s, 2));

  it.each([
    [2024, 2024, 1],
    [2024, 2025, 0.5],
    [2024, 1998, 0],
    [null, 1998, 0.5],
    [2024, null, 0.25],
  ] as const)('%s vs %s → %d', (a, b, s) => expect(yearAgreement(a, b)).toBe(s));
});

describe('scoreCandidates + decideMatch', () => {
  const decoys = [c('1', 'Big Test Pattern', 2024), c('2', 'Big Test Pattern', 1998), c('3', 'The Big Test', 2024), c('4', 'Test Pattern Returns', 2025)];

  it('accepts the same title and year over a same-title remake and similar titles', () => {
    const scored = scoreCandidates({ kind: 'movie', title: 'Big Test Pattern', year: 2024 }, decoys);
    expect(scored.map((s) => s.id)).toEqual(['1', '2', '3', '4']);
    expect(scored[0].score).toBe(1);
    expect(decideMatch(scored).accepted?.id).toBe('1');
  });

  it('leaves a title with two equal candidates and no year unmatched', () => {
    const d = decideMatch(scoreCandidates({ kind: 'movie', title: 'Big Test Pattern', year: null }, decoys));
    expect(d.accepted).toBeNull();
    expect(d.reason).toMatch(/ambiguous/);
  });

  it('matches on the original title too, and refuses weak candidates', () => {
    const scored = scoreCandidates({ kind: 'movie', title: 'Amelie', year: 2001 }, [c('9', 'The Fabulous Destiny of Amélie Poulain', 2001, { originalTitle: 'Amélie' })]);
    expect(decideMatch(scored).accepted?.id).toBe('9');
    expect(decideMatch(scoreCandidates({ kind: 'show', title: 'Heat', year: 1995 }, [c('5', 'Casablanca', 1942)])).accepted).toBeNull();
    expect(decideMatch([]).reason).toBe('no candidates');
  });

  it('breaks score ties by popularity', () => {
    const scored = scoreCandidates({ kind: 'show', title: 'Doctor Who', year: null }, [c('a', 'Doctor Who', 1963, { popularity: 5 }), c('b', 'Doctor Who', 2005, { popularity: 90 })]);
    expect(scored[0].id).toBe('b');
  });
});
