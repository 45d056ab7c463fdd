// Encryption at rest for secrets Marquee must read back (Trakt tokens, users' own client secrets):
// AES-256-GCM with a key derived (HKDF-SHA256) from AUTH_SECRET, a fresh 12-byte IV per value, and
// the purpose bound in as additional data so a value cannot be moved between columns. Rotating
// AUTH_SECRET makes every sealed value unreadable: open() then returns null and callers treat the
// secret as gone (a Trakt link asks to be re-authorised; a stored client secret must be entered again).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { config } from '@/lib/config';

const VERSION = 'v1';
const keys = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'marquee', 'marquee secret-box v1', 32));
    keys.set(secret, key);
  }
  return key;
}

/** Encrypts `plain` for `purpose` (e.g. "trakt.access"): `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function seal(plain: string, purpose: string, secret = config().auth.secret): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** Decrypts a sealed value; null when it was sealed with another secret or purpose, or is damaged. */
export function open(sealed: string, purpose: string, secret = config().auth.secret): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
