// Who may use /tvdb/v4: login with a Marquee proxy key (and its PIN, for user-supported keys) for
// a TheTVDB-style token — POST /login {"apikey","pin"}, or POST /auth/token {"api_key","pin"} as
// other TheTVDB proxies take it — and the key behind a token on every read. A licensed key also works
// as the Bearer token itself, without logging in (a user-supported key needs its PIN, so it logs in).
// Failures are ProxyFailures, answered in TheTVDB's envelope by the HTTP edge (server/tvdb-proxy.ts).
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { hashSecret, TOKEN_PREFIX } from '@/lib/auth/secret-token';
import { ProxyFailure } from './proxy-cache';
import { signProxyToken, verifyProxyToken } from './proxy-token';
import { countProxyRequest, keyRecordSelect, loadProxyKey, proxyState, toKeyRecord, type KeyRecord } from './proxy-state';

export const proxyLoginSchema = z.object({ apikey: z.string().min(1).max(200), pin: z.string().max(100).optional() });
/** POST /tvdb/v4/auth/token's body: the same, spelled `api_key`. */
export const proxyTokenRequestSchema = z.object({ api_key: z.string().min(1).max(200), pin: z.string().max(100).optional() });

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Usable now: active, not expired. */
const usable = (k: KeyRecord | null): k is KeyRecord => !!k && k.active && (!k.expiresAt || k.expiresAt.getTime() > Date.now());

/** POST /tvdb/v4/auth/token's body → a token. */
export async function proxyTokenRequest(body: unknown): Promise<string> {
  const parsed = proxyTokenRequestSchema.safeParse(body);
  if (!parsed.success) throw new ProxyFailure(400, 'InvalidValueType: api_key is required');
  return proxyLogin({ apikey: parsed.data.api_key, pin: parsed.data.pin });
}

/** POST /tvdb/v4/login's body → a token. */
export async function proxyLogin(body: unknown): Promise<string> {
  const parsed = proxyLoginSchema.safeParse(body);
  if (!parsed.success) throw new ProxyFailure(400, 'InvalidValueType: apikey is required');
  const row = await db.proxyKey.findUnique({ where: { keyHash: hashSecret(parsed.data.apikey) }, select: { ...keyRecordSelect, pinHash: true } });
  const key = row && toKeyRecord(row);
  if (!row || !usable(key)) throw new ProxyFailure(401, 'InvalidAPIKey: apikey invalid');
  if (row.kind === 'user_supported') {
    // PINs are short: wrong ones count against the key's own rate limit. A missing PIN is a failed
    // authentication (401), as TheTVDB answers it, not a malformed request.
    if (!parsed.data.pin) throw new ProxyFailure(401, 'InvalidAPIKey: this key needs its pin');
    if (!row.pinHash || !sameHash(hashSecret(parsed.data.pin), row.pinHash)) {
      const d = proxyState().limiter.take(`pin:${row.id}`, 10, 5);
      throw d.allowed ? new ProxyFailure(401, 'InvalidAPIKey: pin invalid') : new ProxyFailure(429, 'Too many attempts', String(d.retryAfterSecs));
    }
  }
  countProxyRequest(row.id);
  return signProxyToken(row.id, key.version, config().auth.secret);
}

/** Key records looked up by the key itself (a key used as the Bearer token), for a few seconds. */
const DIRECT_MEMO_MS = 5_000;
const directKeys = new Map<string, { id: string | null; at: number }>();

/** A licensed key sent as the Bearer token itself: its id, or null when it is not one. */
async function directKeyId(secret: string): Promise<string | null> {
  const hash = hashSecret(secret);
  const memo = directKeys.get(hash);
  if (memo && Date.now() - memo.at < DIRECT_MEMO_MS) return memo.id;
  const row = await db.proxyKey.findUnique({ where: { keyHash: hash }, select: { id: true, kind: true } });
  const id = row && row.kind === 'licensed' ? row.id : null;
  if (directKeys.size > 1000) directKeys.clear();
  directKeys.set(hash, { id, at: Date.now() });
  return id;
}

/** The usable key behind an `Authorization: Bearer` token (or a licensed key itself), or a 401. */
export async function proxyKeyForToken(authorization: string | undefined): Promise<KeyRecord> {
  const auth = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (auth && auth[1].startsWith(TOKEN_PREFIX.tvdbKey)) {
    const id = await directKeyId(auth[1]);
    const key = id ? await loadProxyKey(id) : null;
    // A licensed key's version is its hash's prefix: a key rotated meanwhile no longer matches.
    if (!usable(key) || key.kind !== 'licensed' || key.version !== hashSecret(auth[1]).slice(0, 12)) throw new ProxyFailure(401, 'Unauthorized');
    return key;
  }
  const claims = auth && verifyProxyToken(auth[1], config().auth.secret);
  const key = claims ? await loadProxyKey(claims.sub) : null;
  // A token issued for a key's old secret (before a rotation) is as dead as that secret.
  if (!claims || !usable(key) || claims.kv !== key.version) throw new ProxyFailure(401, 'Unauthorized');
  return key;
}
