import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff-delay';

describe('backoffDelay', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [10, 60_000],
    [500, 60_000],
  ])('after %i failed attempts waits %i ms', (attempts, expected) => {
    expect(backoffDelay(attempts, { baseMs: 1000, maxMs: 60_000 })).toBe(expected);
  });
});
