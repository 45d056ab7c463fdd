import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('security headers', () => {
  it('sends a nonce-based CSP that forbids framing, nosniff, a referrer policy, and no HSTS over http', () => {
    const h = securityHeaders({ publicUrl: 'http://localhost:3000', nonce: 'abc123==' });
    expect(h['Content-Security-Policy']).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(h['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(h['Content-Security-Policy']).toContain("object-src 'none'");
    expect(h['Content-Security-Policy']).toMatch(/worker-src 'self' blob:/);
    expect(h['Content-Security-Policy']).not.toContain('unsafe-eval');
    expect(h['X-Frame-Options']).toBe('DENY');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(h).not.toHaveProperty('Strict-Transport-Security');
  });

  it('adds HSTS only when PUBLIC_URL is https, and eval only for next dev', () => {
    expect(securityHeaders({ publicUrl: 'https://media.example.org', nonce: 'n' })['Strict-Transport-Security']).toBe('max-age=31536000');
    expect(securityHeaders({ publicUrl: 'http://media.example.org', nonce: 'n' })).not.toHaveProperty('Strict-Transport-Security');
    expect(securityHeaders({ publicUrl: 'http://x', nonce: 'n', dev: true })['Content-Security-Policy']).toContain("'unsafe-eval'");
  });
});
