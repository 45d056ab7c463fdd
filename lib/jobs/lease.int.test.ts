import { describe, expect, it } from 'vitest';
import { acquireLease, releaseLease } from './lease';

describe('leases', () => {
  it('has one holder at a time, renewable by it, taken over once expired or released', async () => {
    const t0 = new Date('2026-01-01T00:00:00Z');
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    expect(await acquireLease('watch', 'a', 10_000, t0)).toBe(true);
    expect(await acquireLease('watch', 'b', 10_000, at(1))).toBe(false);
    expect(await acquireLease('watch', 'a', 10_000, at(5))).toBe(true); // renewed until 15 s
    expect(await acquireLease('watch', 'b', 10_000, at(12))).toBe(false);
    expect(await acquireLease('watch', 'b', 10_000, at(16))).toBe(true); // a stopped renewing
    expect(await acquireLease('watch', 'a', 10_000, at(17))).toBe(false);
    await releaseLease('watch', 'b');
    expect(await acquireLease('watch', 'a', 10_000, at(18))).toBe(true);
  });

  it('lets exactly one of many racing workers win', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => acquireLease('race', `w${i}`, 10_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
