import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows a burst, then refuses until tokens refill at the per-minute rate', () => {
    let now = 0;
    const rl = new RateLimiter(() => now);
    const taken = Array.from({ length: 6 }, () => rl.take('k', 60, 5));
    expect(taken.map((d) => d.allowed)).toEqual([true, true, true, true, true, false]);
    expect(taken[0]).toMatchObject({ limit: 60, remaining: 4 });
    expect(taken[5]).toMatchObject({ remaining: 0, retryAfterSecs: 1 });
    now += 1000; // 60 a minute = one a second
    expect(rl.take('k', 60, 5).allowed).toBe(true);
    expect(rl.take('k', 60, 5).allowed).toBe(false);
  });

  it('reports the seconds until the bucket is full again', () => {
    const now = 0;
    const rl = new RateLimiter(() => now);
    for (let i = 0; i < 10; i++) rl.take('k', 120, 10);
    expect(rl.take('k', 120, 10).resetSecs).toBe(5); // 10 tokens at 2 a second
  });

  it('keeps keys apart, and a changed limit starts a fresh bucket', () => {
    const now = 0;
    const rl = new RateLimiter(() => now);
    expect(rl.take('a', 60, 1).allowed).toBe(true);
    expect(rl.take('a', 60, 1).allowed).toBe(false);
    expect(rl.take('b', 60, 1).allowed).toBe(true);
    expect(rl.take('a', 60, 2).allowed).toBe(true);
    rl.reset('b');
    expect(rl.take('b', 60, 1).allowed).toBe(true);
  });
});
