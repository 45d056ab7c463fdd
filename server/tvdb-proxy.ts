// /tvdb/v4 — a drop-in base URL for TheTVDB v4 clients, served by the web server ahead of Next
// (plain node:http: this path is about throughput). Login with a Marquee proxy key (POST /login, or
// POST /auth/token; a licensed key also works as the Bearer token itself), then GET the
// records in lib/tvdb/proxy-routes.ts with the token: answers come from the cache (proxy-cache.ts),
// with TheTVDB's envelopes, per-key rate limits and X-RateLimit-* headers, and usage counts.
// The body reader and the error mapping are the route handlers' own (lib/http); errors keep
// TheTVDB's {"status":"failure","message"} envelope, which is part of the v4 contract.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorReply } from '@/lib/http/error-response';
import { readJsonValue } from '@/lib/http/read-body';
import { config } from '@/lib/config';
import { proxyKeyForToken, proxyLogin, proxyTokenRequest } from '@/lib/tvdb/proxy-access';
import { ProxyFailure } from '@/lib/tvdb/proxy-cache';
import { resolveProxyRoute } from '@/lib/tvdb/proxy-routes';
import { countProxyRequest, proxyState } from '@/lib/tvdb/proxy-state';

export const TVDB_PREFIX = '/tvdb/v4';

/** A login body is a key and a PIN. */
const LOGIN_BODY_BYTES = 16_384;

export function isTvdbPath(url: string | undefined): boolean {
  return !!url && (url === TVDB_PREFIX || url.startsWith(`${TVDB_PREFIX}/`) || url.startsWith(`${TVDB_PREFIX}?`));
}

type Headers = Record<string, string | number>;

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** Every failure answer, through the one error mapping. */
function fail(res: ServerResponse, err: unknown, headers: Headers = {}) {
  const reply = errorReply(err, 'tvdb');
  send(res, reply.status, reply.body, { ...reply.headers, ...headers });
}

async function login(req: IncomingMessage, res: ServerResponse, exchange: (body: unknown) => Promise<string>) {
  const body = await readJsonValue(
    { chunks: req, contentType: req.headers['content-type'] ?? null, contentLength: req.headers['content-length'] ?? null },
    { limit: LOGIN_BODY_BYTES, anyContentType: true },
  );
  send(res, 200, JSON.stringify({ status: 'success', data: { token: await exchange(body) } }));
}

/** The global cap over all keys (TVDB_PROXY_GLOBAL_RATE_LIMIT), after the key's own limit; null when off or allowed. */
function overGlobalCap(): number | null {
  const cap = config().tvdb.proxy.globalRateLimit;
  if (!cap) return null;
  const d = proxyState().limiter.take('global:all-keys', cap, cap);
  return d.allowed ? null : d.retryAfterSecs;
}

async function read(req: IncomingMessage, res: ServerResponse, subPath: string) {
  const key = await proxyKeyForToken(req.headers.authorization);
  const d = proxyState().limiter.take(key.id, key.rateLimit, key.burst);
  const limits: Headers = { 'x-ratelimit-limit': d.limit, 'x-ratelimit-remaining': d.remaining, 'x-ratelimit-reset': d.resetSecs };
  if (!d.allowed) return fail(res, new ProxyFailure(429, 'Too Many Requests', String(d.retryAfterSecs)), limits);
  const globalWait = overGlobalCap();
  if (globalWait !== null) return fail(res, new ProxyFailure(429, 'Too Many Requests: this server is at its limit for all keys', String(globalWait)), limits);
  countProxyRequest(key.id);

  const route = resolveProxyRoute(subPath);
  if (!route) return fail(res, new ProxyFailure(404, 'NotFoundException: no such route'), limits);
  const { answer, state, warning } = await proxyState().cache.get(route);
  const headers: Headers = { ...limits, 'x-cache': state.toUpperCase(), etag: answer.etag, 'last-modified': new Date(answer.fetchedAt).toUTCString(), 'cache-control': 'private, max-age=0' };
  if (warning) headers.warning = warning;
  if (req.headers['if-none-match'] === answer.etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  send(res, answer.status, req.method === 'HEAD' ? '' : answer.body, headers);
}

/** The ways to exchange a key (and PIN) for a token: TheTVDB's own, and the one other proxies take. */
const LOGINS: Record<string, (body: unknown) => Promise<string>> = { '/login': proxyLogin, '/auth/token': proxyTokenRequest };

export async function serveTvdb(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const subPath = (req.url ?? '').slice(TVDB_PREFIX.length) || '/';
  try {
    const exchange = LOGINS[subPath.split('?')[0]];
    if (exchange) {
      if (req.method !== 'POST') return fail(res, new ProxyFailure(405, 'Use POST to log in.'), { allow: 'POST' });
      return await login(req, res, exchange);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, new ProxyFailure(405, 'The proxy is read-only.'), { allow: 'GET, HEAD' });
    await read(req, res, subPath);
  } catch (err) {
    if (res.headersSent) return void res.destroy();
    fail(res, err);
  }
}
