// Security headers for every answer of the web process: pages, API, static files, errors, /docs,
// direct play and the /tvdb/v4 proxy all pass through server/web-server.ts, which sets these.
// The Content-Security-Policy allows only scripts carrying this request's nonce (Next reads the
// nonce from the request's own Content-Security-Policy header and puts it on every script it
// renders) and what those scripts load ('strict-dynamic': Next's chunks, Swagger UI's bundle).
import { randomBytes } from 'node:crypto';

export interface SecurityHeaderOptions {
  /** PUBLIC_URL: HSTS is sent only when it is https (sent over plain http, it would be ignored or wrong). */
  publicUrl: string;
  /** `next dev` needs eval (React Refresh) and its websocket. */
  dev?: boolean;
  nonce: string;
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy({ nonce, dev = false }: Pick<SecurityHeaderOptions, 'nonce' | 'dev'>): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React style attributes and Next's injected styles are inline; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Artwork is served from here; avatars may be any https address a user gave.
    "img-src 'self' data: blob: https:",
    // hls.js plays through MediaSource (blob: URLs) and runs its demuxer in a blob: worker.
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(opts: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(opts),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
  if (opts.publicUrl.startsWith('https:')) headers['Strict-Transport-Security'] = 'max-age=31536000';
  return headers;
}
