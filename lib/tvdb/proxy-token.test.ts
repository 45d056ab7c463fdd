import { describe, expect, it } from 'vitest';
import { signProxyToken, TOKEN_TTL_SECS, verifyProxyToken } from './proxy-token';

const secret = 'a-test-secret-that-is-long-enough-0123';

describe('proxy tokens', () => {
  it('verifies its own tokens and reads the key id and a month-long expiry', () => {
    const now = Date.UTC(2026, 0, 1);
    const token = signProxyToken('key1', 'v1', secret, now);
    expect(token.split('.')).toHaveLength(3);
    expect(verifyProxyToken(token, secret, now)).toEqual({ sub: 'key1', kv: 'v1', iat: now / 1000, exp: now / 1000 + TOKEN_TTL_SECS });
  });

  it('refuses expired, tampered, foreign and malformed tokens', () => {
    const now = Date.UTC(2026, 0, 1);
    const token = signProxyToken('key1', 'v1', secret, now);
    expect(verifyProxyToken(token, secret, now + TOKEN_TTL_SECS * 1000)).toBeNull();
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'key2', iat: 0, exp: 9e9 })).toString('base64url');
    expect(verifyProxyToken(`${h}.${forged}.${s}`, secret, now)).toBeNull();
    expect(verifyProxyToken(token, 'another-secret-that-is-long-enough-xyz', now)).toBeNull();
    expect(verifyProxyToken('not-a-token', secret, now)).toBeNull();
  });
});
