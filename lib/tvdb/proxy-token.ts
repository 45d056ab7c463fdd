// The bearer tokens /tvdb/v4/login hands out: HS256 JWTs (as TheTVDB's are), signed with a key
// derived from AUTH_SECRET, valid for a month, naming the proxy key they were issued for and which
// secret of it (`kv`, a prefix of the key's hash: a rotated key's old tokens no longer match).
// Checking one needs no database; the key itself is still checked on each request.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOKEN_TTL_SECS = 30 * 24 * 3600;

export type ProxyTokenClaims = { sub: string; kv: string; iat: number; exp: number };

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const HEADER = b64({ alg: 'HS256', typ: 'JWT' });

const keys = new Map<string, Buffer>();
function signingKey(secret: string) {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createHmac('sha256', secret).update('marquee tvdb proxy tokens').digest()));
  return key;
}

export function signProxyToken(keyId: string, keyVersion: string, secret: string, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const body = `${HEADER}.${b64({ sub: keyId, kv: keyVersion, iat, exp: iat + TOKEN_TTL_SECS })}`;
  return `${body}.${createHmac('sha256', signingKey(secret)).update(body).digest('base64url')}`;
}

/** The claims of a token we signed that has not expired, or null. */
export function verifyProxyToken(token: string, secret: string, now = Date.now()): ProxyTokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return null;
  const expected = createHmac('sha256', signingKey(secret)).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString()) as ProxyTokenClaims;
    if (typeof claims.sub !== 'string' || typeof claims.kv !== 'string' || typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return null;
    return claims;
  } catch {
    return null;
  }
}
