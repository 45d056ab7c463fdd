// The TVDB proxy's cache: answers kept in the database (they survive restarts) with an in-memory
// LRU in front. Fresh answers are served as they are; a stale one is served at once while one
// background request refreshes it (stale-while-revalidate), and also when TheTVDB is down, with a
// Warning header. Concurrent misses for one key share one upstream request (single flight).
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import type { ErrorCode } from '@/lib/errors/error-codes';
import type { ProxyRoute, RecordType } from './proxy-routes';
import type { TvdbUpstream, UpstreamAnswer } from './upstream';

export type CachedAnswer = { status: number; body: Buffer; etag: string; fetchedAt: number; freshUntil: number; loadedAt: number };
export type CacheResult = { answer: CachedAnswer; state: 'hit' | 'miss' | 'stale'; warning: string | null };

export type CacheOptions = {
  upstream: () => TvdbUpstream | null;
  staticTtlMs: number;
  dynamicTtlMs: number;
  /** Upstream paging links point at TheTVDB; rewritten to point at us. */
  rewriteLinks: (body: string) => string;
  maxEntries?: number;
  /** A memory entry is checked against the database this often: other processes (the worker's
   * updates sync, other web processes) change rows there. Default 60 s. */
  recheckMs?: number;
  now?: () => number;
};

/**
 * A failure answered with TheTVDB's own status and message (its errors are passed through). An
 * ApiError, so the one error mapping (lib/http/error-response.ts) answers it, in TheTVDB's envelope at /tvdb/v4.
 */
export class ProxyFailure extends ApiError {
  constructor(status: number, message: string, retryAfter: string | null = null) {
    super(proxyFailureCode(status), message, { status, headers: retryAfter ? { 'retry-after': retryAfter } : undefined });
  }
}

function proxyFailureCode(status: number): ErrorCode {
  const codes: Record<number, ErrorCode> = { 400: 'validation_failed', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 413: 'payload_too_large', 429: 'too_many_requests', 503: 'provider_unavailable' };
  return codes[status] ?? 'provider_error';
}

/** Answers worth keeping: successes and "not found" (so a missing id does not hit TheTVDB each time). */
const cacheable = (status: number) => (status >= 200 && status < 300) || status === 404;

export class ProxyCache {
  private lru = new Map<string, CachedAnswer>();
  private inflight = new Map<string, Promise<CachedAnswer>>();
  private lastRefreshFailed = new Set<string>();

  constructor(private opts: CacheOptions) {}

  private now() {
    return this.opts.now?.() ?? Date.now();
  }

  private remember(key: string, answer: CachedAnswer) {
    this.lru.delete(key);
    this.lru.set(key, answer);
    const max = this.opts.maxEntries ?? 5000;
    while (this.lru.size > max) this.lru.delete(this.lru.keys().next().value!);
  }

  private render(status: number, raw: string, fetchedAt: number, freshUntil: number): CachedAnswer {
    const body = Buffer.from(this.opts.rewriteLinks(raw));
    return { status, body, etag: `"${fetchedAt.toString(36)}-${body.length.toString(36)}"`, fetchedAt, freshUntil, loadedAt: this.now() };
  }

  private async fromDb(key: string): Promise<CachedAnswer | null> {
    const row = await db.tvdbCacheEntry.findUnique({ where: { key } });
    return row ? this.render(row.status, row.body, row.fetchedAt.getTime(), row.freshUntil.getTime()) : null;
  }

  /** One upstream request per key at a time; stores what is worth keeping. */
  private fetch(route: ProxyRoute): Promise<CachedAnswer> {
    const running = this.inflight.get(route.key);
    if (running) return running;
    const p = (async () => {
      const upstream = this.opts.upstream();
      if (!upstream) throw new ProxyFailure(503, 'TheTVDB is not configured on this server (TVDB_API_KEY), and this record is not cached.');
      let res: UpstreamAnswer;
      try {
        res = await upstream.get(route.key);
      } catch (err) {
        // Unreachable (refused, reset, timed out): the service is unavailable, as TheTVDB itself says when it is down.
        throw new ProxyFailure(503, `${(err as Error).message}; this record is not cached.`, '60');
      }
      if (!cacheable(res.status)) {
        if (res.status === 429) throw new ProxyFailure(503, 'TheTVDB is rate limiting this server; try again later.', res.retryAfter ?? '60');
        if (res.status >= 500) throw new ProxyFailure(503, `TheTVDB is unavailable (it answered ${res.status}), and this record is not cached.`, res.retryAfter ?? '60');
        throw new ProxyFailure(res.status, `TheTVDB answered ${res.status}.`);
      }
      const fetchedAt = this.now();
      const ttl = res.status === 404 || route.freshness === 'dynamic' ? this.opts.dynamicTtlMs : this.opts.staticTtlMs;
      const freshUntil = fetchedAt + ttl;
      const data = { status: res.status, body: res.body, recordType: route.recordType, recordId: route.recordId, fetchedAt: new Date(fetchedAt), freshUntil: new Date(freshUntil) };
      await db.tvdbCacheEntry.upsert({ where: { key: route.key }, create: { key: route.key, ...data }, update: data });
      const answer = this.render(res.status, res.body, fetchedAt, freshUntil);
      this.remember(route.key, answer);
      this.lastRefreshFailed.delete(route.key);
      return answer;
    })().finally(() => this.inflight.delete(route.key));
    this.inflight.set(route.key, p);
    return p;
  }

  async get(route: ProxyRoute): Promise<CacheResult> {
    let cached = this.lru.get(route.key) ?? null;
    if (cached && this.now() - cached.loadedAt < (this.opts.recheckMs ?? 60_000)) this.remember(route.key, cached);
    else {
      cached = await this.fromDb(route.key);
      if (cached) this.remember(route.key, cached);
      else this.lru.delete(route.key);
    }
    if (cached && cached.freshUntil > this.now()) return { answer: cached, state: 'hit', warning: null };
    if (cached) {
      // Stale: answer now, refresh in the background (one request however many ask).
      void this.fetch(route).catch(() => this.lastRefreshFailed.add(route.key));
      const failed = this.lastRefreshFailed.has(route.key);
      return { answer: cached, state: 'stale', warning: failed ? '111 - "Revalidation Failed"' : '110 - "Response is Stale"' };
    }
    return { answer: await this.fetch(route), state: 'miss', warning: null };
  }

  /** Marks the cached answers of records TheTVDB reports as changed as stale (the updates sync). */
  async expireRecords(records: { type: RecordType; id: number }[]): Promise<number> {
    if (records.length === 0) return 0;
    const past = new Date(0);
    let expired = 0;
    for (const type of new Set(records.map((r) => r.type))) {
      const ids = records.filter((r) => r.type === type).map((r) => r.id);
      const rows = await db.tvdbCacheEntry.findMany({ where: { recordType: type, recordId: { in: ids } }, select: { key: true } });
      if (rows.length === 0) continue;
      await db.tvdbCacheEntry.updateMany({ where: { key: { in: rows.map((r) => r.key) } }, data: { freshUntil: past } });
      for (const r of rows) {
        const mem = this.lru.get(r.key);
        if (mem) mem.freshUntil = 0;
      }
      expired += rows.length;
    }
    return expired;
  }

  /** Waits for background refreshes (tests, shutdown). */
  async settle() {
    await Promise.allSettled([...this.inflight.values()]);
  }

  clearMemory() {
    this.lru.clear();
  }
}
