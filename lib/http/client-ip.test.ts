import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import { proxyMatcher, resolveClientIp } from './client-ip';

describe('the client address behind proxies', () => {
  it('ignores X-Forwarded-For unless the socket is a trusted proxy (default: none)', () => {
    const none = proxyMatcher([]);
    expect(resolveClientIp('203.0.113.9', '1.2.3.4', none)).toBe('203.0.113.9');
    expect(resolveClientIp('127.0.0.1', '1.2.3.4', none)).toBe('127.0.0.1');
    const local = proxyMatcher(['127.0.0.1', '::1']);
    expect(resolveClientIp('203.0.113.9', '1.2.3.4', local)).toBe('203.0.113.9');
  });

  it('reads X-Forwarded-For from the right, through trusted proxies only, ignoring what the client wrote', () => {
    const trusted = proxyMatcher(['10.0.0.0/8', '::1']);
    expect(resolveClientIp('::ffff:10.0.0.2', '198.51.100.7', trusted)).toBe('198.51.100.7');
    // The client forged "1.1.1.1"; the proxy appended the address it saw.
    expect(resolveClientIp('10.0.0.2', '1.1.1.1, 198.51.100.7', trusted)).toBe('198.51.100.7');
    // Two proxies in a row, both trusted.
    expect(resolveClientIp('::1', '198.51.100.7, 10.1.2.3', trusted)).toBe('198.51.100.7');
    // A trusted proxy with no header, or garbage in it: the last address we can vouch for.
    expect(resolveClientIp('10.0.0.2', undefined, trusted)).toBe('10.0.0.2');
    expect(resolveClientIp('10.0.0.2', 'not-an-ip', trusted)).toBe('10.0.0.2');
    expect(resolveClientIp('10.0.0.2', ['1.1.1.1', '198.51.100.8'], trusted)).toBe('198.51.100.8');
  });

  it('takes TRUSTED_PROXIES as addresses and CIDRs, and refuses the old TRUST_PROXY=true with a pointer', () => {
    expect(parseConfig({ AUTH_SECRET: 'x'.repeat(32), TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,fd00::/8' }).trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(parseConfig({ AUTH_SECRET: 'x'.repeat(32) }).trustedProxies).toEqual([]);
    expect(() => parseConfig({ AUTH_SECRET: 'x'.repeat(32), TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseConfig({ AUTH_SECRET: 'x'.repeat(32), TRUSTED_PROXIES: 'proxy.local' })).toThrow(/not an IP address/);
    expect(() => parseConfig({ AUTH_SECRET: 'x'.repeat(32), TRUST_PROXY: 'true' })).toThrow(/replaced by TRUSTED_PROXIES/);
  });
});
