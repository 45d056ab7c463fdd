// /tvdb/v4 — a drop-in base URL for TheTVDB v4 clients, served by the web server ahead of Next
// (plain node:http: this path is about throughput). Login with a Marquee proxy key, then GET the
// records in proxy-routes.ts with the token: answers come from the cache (proxy-cache.ts), with
// TheTVDB's envelopes and errors, per-key rate limits and X-RateLimit-* headers, and usage counts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { hashSecret } from '@/lib/auth/secret-token';
import { failureBody, ProxyFailure } from '@/lib/tvdb/proxy-cache';
import { resolveProxyRoute } from '@/lib/tvdb/proxy-routes';
import { signProxyToken, verifyProxyToken } from '@/lib/tvdb/proxy-token';
import { countProxyRequest, keyRecordSelect, loadProxyKey, proxyState, toKeyRecord, type KeyRecord } from '@/lib/tvdb/proxy-state';

export const TVDB_PREFIX = '/tvdb/v4';

export function isTvdbPath(url: string | undefined): boolean {
  return !!url && (url === TVDB_PREFIX || url.startsWith(`${TVDB_PREFIX}/`) || url.startsWith(`${TVDB_PREFIX}?`));
}

type Headers = Record<string, string | number>;

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

const fail = (res: ServerResponse, status: number, message: string, headers: Headers = {}) => send(res, status, failureBody(message), headers);

const loginBody = z.object({ apikey: z.string().min(1).max(200), pin: z.string().max(100).optional() });

async function readJson(req: IncomingMessage, limit = 16_384): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ProxyFailure(413, 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ProxyFailure(400, 'InvalidValueType: body must be JSON');
  }
}

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Usable now: active, not expired. */
const usable = (k: KeyRecord | null): k is KeyRecord => !!k && k.active && (!k.expiresAt || k.expiresAt.getTime() > Date.now());

async function login(req: IncomingMessage, res: ServerResponse) {
  const parsed = loginBody.safeParse(await readJson(req));
  if (!parsed.success) return fail(res, 400, 'InvalidValueType: apikey is required');
  const row = await db.proxyKey.findUnique({ where: { keyHash: hashSecret(parsed.data.apikey) }, select: { ...keyRecordSelect, pinHash: true } });
  const key = row && toKeyRecord(row);
  if (!row || !usable(key)) return fail(res, 401, 'InvalidAPIKey: apikey invalid');
  if (row.kind === 'user_supported') {
    // PINs are short: wrong ones count against the key's own rate limit.
    if (!parsed.data.pin) return fail(res, 400, 'InvalidValueType: pin required');
    if (!row.pinHash || !sameHash(hashSecret(parsed.data.pin), row.pinHash)) {
      const d = proxyState().limiter.take(`pin:${row.id}`, 10, 5);
      return fail(res, d.allowed ? 401 : 429, d.allowed ? 'InvalidAPIKey: pin invalid' : 'Too many attempts', d.allowed ? {} : { 'retry-after': d.retryAfterSecs });
    }
  }
  countProxyRequest(row.id);
  send(res, 200, JSON.stringify({ status: 'success', data: { token: signProxyToken(row.id, key.version, config().auth.secret) } }));
}

async function read(req: IncomingMessage, res: ServerResponse, subPath: string) {
  const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const claims = auth && verifyProxyToken(auth[1], config().auth.secret);
  const key = claims ? await loadProxyKey(claims.sub) : null;
  // A token issued for a key's old secret (before a rotation) is as dead as that secret.
  if (!claims || !usable(key) || claims.kv !== key.version) return fail(res, 401, 'Unauthorized');

  const d = proxyState().limiter.take(key.id, key.rateLimit, key.burst);
  const limits: Headers = { 'x-ratelimit-limit': d.limit, 'x-ratelimit-remaining': d.remaining, 'x-ratelimit-reset': d.resetSecs };
  if (!d.allowed) return fail(res, 429, 'Too Many Requests', { ...limits, 'retry-after': d.retryAfterSecs });
  countProxyRequest(key.id);

  const route = resolveProxyRoute(subPath);
  if (!route) return fail(res, 404, 'NotFoundException: no such route', limits);
  const { answer, state, warning } = await proxyState().cache.get(route);
  const headers: Headers = { ...limits, 'x-cache': state.toUpperCase(), etag: answer.etag, 'last-modified': new Date(answer.fetchedAt).toUTCString(), 'cache-control': 'private, max-age=0' };
  if (warning) headers.warning = warning;
  if (req.headers['if-none-match'] === answer.etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  send(res, answer.status, req.method === 'HEAD' ? '' : answer.body, headers);
}

export async function serveTvdb(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const subPath = (req.url ?? '').slice(TVDB_PREFIX.length) || '/';
  try {
    if (subPath === '/login' || subPath.startsWith('/login?')) {
      if (req.method !== 'POST') return fail(res, 405, 'Use POST to log in.', { allow: 'POST' });
      return await login(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'The proxy is read-only.', { allow: 'GET, HEAD' });
    await read(req, res, subPath);
  } catch (err) {
    if (res.headersSent) return void res.destroy();
    if (err instanceof ProxyFailure) return fail(res, err.status, err.message, err.retryAfter ? { 'retry-after': err.retryAfter } : {});
    console.error('[tvdb] proxy error', err);
    fail(res, 500, 'Internal error');
  }
}
