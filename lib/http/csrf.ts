// CSRF defence for requests a browser authenticates with its session cookie. A cross-site page can
// make the browser send our cookie, but it cannot make the browser claim to be us: modern browsers
// send `Sec-Fetch-Site`, and every browser sends `Origin` on a cross-origin POST/PUT/PATCH/DELETE.
// So a cookie-authenticated write must say it comes from this site, and carry a JSON body (an HTML
// form can only send form-encoded, multipart or text/plain bodies). Bearer tokens and API keys are
// not sent by browsers on their own, so they are not checked here.
import { config } from '@/lib/config';
import { ApiError } from '@/lib/errors/api-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export function isJsonContentType(type: string | null): boolean {
  return !!type && /^application\/(.+\+)?json\s*(;|$)/i.test(type.trim());
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Same-origin when Sec-Fetch-Site says so, or (for browsers that send no Sec-Fetch-Site) when Origin
 * is PUBLIC_URL's origin or names the host the request was sent to. Behind a reverse proxy that
 * rewrites Host, set PUBLIC_URL to the address users open (the README says so).
 */
export function isSameOriginRequest(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  // `same-site` is a sibling subdomain, which may be someone else's: not good enough.
  if (site) return site.toLowerCase() === 'same-origin';
  const origin = req.headers.get('origin');
  if (!origin || origin === 'null') return false;
  if (origin === originOf(config().publicUrl)) return true;
  const originHost = hostOf(origin);
  const requestHosts = [req.headers.get('host')?.toLowerCase(), hostOf(req.url)];
  return !!originHost && requestHosts.includes(originHost);
}

/** For a request authenticated by the session cookie: 403 csrf_origin or 415 unless it is a same-origin JSON write. */
export function assertCookieWriteAllowed(req: Request): void {
  if (!isUnsafeMethod(req.method)) return;
  if (!isSameOriginRequest(req)) {
    throw new ApiError('csrf_origin', 'This request did not come from this site (Origin / Sec-Fetch-Site); it was refused to protect your session.');
  }
  const type = req.headers.get('content-type');
  if (type && !isJsonContentType(type)) {
    throw new ApiError('unsupported_media_type', 'The request body must be JSON (Content-Type: application/json).');
  }
}
