// The TVDB proxy's in-process state: the cache, the upstream client, the rate limiter's buckets,
// a short memo of key records and the usage counts waiting to be written. Next's route handlers
// (the admin API) and the web server's proxy handler load this module separately, so the state
// lives on globalThis: one per process, shared by both.
import { createHash } from 'node:crypto';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ProxyCache } from './proxy-cache';
import { RateLimiter } from './rate-limiter';
import { TvdbUpstream } from './upstream';

export type KeyRecord = {
  id: string;
  kind: 'licensed' | 'user_supported';
  rateLimit: number;
  burst: number;
  active: boolean;
  expiresAt: Date | null;
  /** Which secret the key has now: tokens carry it (see proxy-token.ts). */
  version: string;
};

type State = {
  cache: ProxyCache;
  upstream: TvdbUpstream | null;
  limiter: RateLimiter;
  keys: Map<string, { record: KeyRecord | null; at: number }>;
  usage: Map<string, number>;
  flushTimer: NodeJS.Timeout | null;
};

const SLOT = Symbol.for('marquee.tvdb-proxy');
const KEY_MEMO_MS = 5_000;
const FLUSH_MS = 5_000;

function create(): State {
  const c = config().tvdb;
  const upstream = c.apiKey ? new TvdbUpstream({ baseUrl: c.baseUrl, apiKey: c.apiKey, pin: c.pin }) : null;
  const ours = `${config().publicUrl}/tvdb/v4`;
  const theirs = c.baseUrl.replace(/\/+$/, '');
  return {
    upstream,
    cache: new ProxyCache({
      upstream: () => proxyState().upstream,
      staticTtlMs: c.cache.staticHours * 3600_000,
      dynamicTtlMs: c.cache.dynamicHours * 3600_000,
      maxEntries: c.cache.memoryEntries,
      rewriteLinks: (body) => (body.includes(theirs) ? body.split(theirs).join(ours) : body),
    }),
    limiter: new RateLimiter(),
    keys: new Map(),
    usage: new Map(),
    flushTimer: null,
  };
}

export function proxyState(): State {
  const g = globalThis as { [SLOT]?: State };
  g[SLOT] ??= create();
  return g[SLOT];
}

/** Drops the process's proxy state (tests that change the configuration). */
export function resetProxyState() {
  const g = globalThis as { [SLOT]?: State };
  if (g[SLOT]?.flushTimer) clearInterval(g[SLOT].flushTimer);
  delete g[SLOT];
}

export const keyRecordSelect = { id: true, kind: true, rateLimit: true, burst: true, active: true, expiresAt: true, keyHash: true, pinHash: true } as const;

export function toKeyRecord(row: Omit<KeyRecord, 'version'> & { keyHash: string; pinHash: string | null }): KeyRecord {
  return { id: row.id, kind: row.kind, rateLimit: row.rateLimit, burst: row.burst, active: row.active, expiresAt: row.expiresAt, version: keyVersion(row.keyHash, row.pinHash) };
}

/** A key record, remembered for a few seconds (changes through the admin API apply at once). */
export async function loadProxyKey(id: string): Promise<KeyRecord | null> {
  const s = proxyState();
  const memo = s.keys.get(id);
  if (memo && Date.now() - memo.at < KEY_MEMO_MS) return memo.record;
  const row = await db.proxyKey.findUnique({ where: { id }, select: keyRecordSelect });
  const record = row && toKeyRecord(row);
  s.keys.set(id, { record, at: Date.now() });
  return record;
}

/** Which secrets a key has now (its key and PIN): a token issued before either changed no longer matches. */
export const keyVersion = (keyHash: string, pinHash: string | null) => (pinHash ? createHash('sha256').update(`${keyHash}:${pinHash}`).digest('hex') : keyHash).slice(0, 12);

export function forgetProxyKey(id: string) {
  const s = proxyState();
  s.keys.delete(id);
  s.limiter.reset(id);
}

/** Counts one request; counts are written every few seconds (and by flushProxyUsage). */
export function countProxyRequest(keyId: string) {
  const s = proxyState();
  s.usage.set(keyId, (s.usage.get(keyId) ?? 0) + 1);
  s.flushTimer ??= setInterval(() => void flushProxyUsage().catch((err) => console.error('[tvdb] usage flush failed', err)), FLUSH_MS).unref();
}

export async function flushProxyUsage(): Promise<void> {
  const s = proxyState();
  if (s.usage.size === 0) return;
  const counts = [...s.usage];
  s.usage.clear();
  const day = new Date().toISOString().slice(0, 10);
  const now = new Date();
  for (const [keyId, n] of counts) {
    // A key deleted meanwhile has nothing to count against.
    const { count } = await db.proxyKey.updateMany({ where: { id: keyId }, data: { totalRequests: { increment: n }, lastUsedAt: now } });
    if (count === 0) continue;
    await db.proxyKeyUsage.upsert({ where: { keyId_day: { keyId, day } }, create: { keyId, day, requests: n }, update: { requests: { increment: n } } });
  }
}
