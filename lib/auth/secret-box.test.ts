import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box';

const secret = 'a-test-secret-that-is-long-enough-0123456789';

describe('secret box', () => {
  it('round-trips, never stores the plain text, and differs each time', () => {
    const a = seal('token-123', 'trakt.access', secret);
    const b = seal('token-123', 'trakt.access', secret);
    expect(a).not.toContain('token-123');
    expect(a).not.toBe(b);
    expect(open(a, 'trakt.access', secret)).toBe('token-123');
  });

  it('refuses another purpose, another secret, or a damaged value', () => {
    const a = seal('token-123', 'trakt.access', secret);
    expect(open(a, 'trakt.refresh', secret)).toBeNull();
    expect(open(a, 'trakt.access', `${secret}-rotated`)).toBeNull();
    expect(open(a.slice(0, -2) + (a.endsWith('A') ? 'BB' : 'AA'), 'trakt.access', secret)).toBeNull();
    expect(open('garbage', 'trakt.access', secret)).toBeNull();
  });
});
