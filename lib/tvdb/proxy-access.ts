// Who may use /tvdb/v4: login with a Marquee proxy key (and its PIN, for user-supported keys) for
// a TheTVDB-style token, and the key behind a token on every read. Failures are ProxyFailures, answered
// in TheTVDB's envelope by the HTTP edge (server/tvdb-proxy.ts).
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { hashSecret } from '@/lib/auth/secret-token';
import { ProxyFailure } from './proxy-cache';
import { signProxyToken, verifyProxyToken } from './proxy-token';
import { countProxyRequest, keyRecordSelect, loadProxyKey, proxyState, toKeyRecord, type KeyRecord } from './proxy-state';

export const proxyLoginSchema = z.object({ apikey: z.string().min(1).max(200), pin: z.string().max(100).optional() });

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Usable now: active, not expired. */
const usable = (k: KeyRecord | null): k is KeyRecord => !!k && k.active && (!k.expiresAt || k.expiresAt.getTime() > Date.now());

/** POST /tvdb/v4/login's body → a token. */
export async function proxyLogin(body: unknown): Promise<string> {
  const parsed = proxyLoginSchema.safeParse(body);
  if (!parsed.success) throw new ProxyFailure(400, 'InvalidValueType: apikey is required');
  const row = await db.proxyKey.findUnique({ where: { keyHash: hashSecret(parsed.data.apikey) }, select: { ...keyRecordSelect, pinHash: true } });
  const key = row && toKeyRecord(row);
  if (!row || !usable(key)) throw new ProxyFailure(401, 'InvalidAPIKey: apikey invalid');
  if (row.kind === 'user_supported') {
    // PINs are short: wrong ones count against the key's own rate limit.
    if (!parsed.data.pin) throw new ProxyFailure(400, 'InvalidValueType: pin required');
    if (!row.pinHash || !sameHash(hashSecret(parsed.data.pin), row.pinHash)) {
      const d = proxyState().limiter.take(`pin:${row.id}`, 10, 5);
      throw d.allowed ? new ProxyFailure(401, 'InvalidAPIKey: pin invalid') : new ProxyFailure(429, 'Too many attempts', String(d.retryAfterSecs));
    }
  }
  countProxyRequest(row.id);
  return signProxyToken(row.id, key.version, config().auth.secret);
}

/** The usable key behind an `Authorization: Bearer` token, or a 401. */
export async function proxyKeyForToken(authorization: string | undefined): Promise<KeyRecord> {
  const auth = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const claims = auth && verifyProxyToken(auth[1], config().auth.secret);
  const key = claims ? await loadProxyKey(claims.sub) : null;
  // A token issued for a key's old secret (before a rotation) is as dead as that secret.
  if (!claims || !usable(key) || claims.kv !== key.version) throw new ProxyFailure(401, 'Unauthorized');
  return key;
}
