// Calls our real route handlers in-process, routed the way Next's App Router routes app/api/**.
// Integration tests use it against a real database; e2e tests go through the real server.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

interface RouteEntry {
  file: string;
  regex: RegExp;
  names: { name: string; catchAll: boolean }[];
  rank: number[];
}

const root = join(import.meta.dirname, '..');

function toEntry(file: string): RouteEntry {
  const segments = relative(join(root, 'app'), file).split(sep).slice(0, -1);
  const names: RouteEntry['names'] = [];
  const parts = segments.map((seg) => {
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(seg);
    if (catchAll) {
      names.push({ name: catchAll[1], catchAll: true });
      return '/(.+)';
    }
    const dyn = /^\[(\w+)\]$/.exec(seg);
    if (dyn) {
      names.push({ name: dyn[1], catchAll: false });
      return '/([^/]+)';
    }
    return '/' + seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  // Static segments beat dynamic ones, which beat catch-alls (as in Next).
  const rank = segments.map((s) => (s.startsWith('[...') ? 2 : s.startsWith('[') ? 1 : 0));
  return { file, regex: new RegExp(`^${parts.join('')}$`), names, rank };
}

export function apiRouteFiles(under = 'app/api'): string[] {
  return readdirSync(join(root, under), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name === 'route.ts')
    .map((d) => join(d.parentPath, d.name));
}

/** Route files: the API, and the drop-in routes outside it (TV Time's). */
const table = [...apiRouteFiles(), ...apiRouteFiles('app/tvtime')].map(toEntry);

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export function matchRoute(pathname: string): { file: string; params: Record<string, string | string[]> } | null {
  const hits = table
    .map((e) => ({ e, m: e.regex.exec(pathname) }))
    .filter((h) => h.m)
    .sort((a, b) => compare(a.e.rank, b.e.rank));
  const hit = hits[0];
  if (!hit?.m) return null;
  const params: Record<string, string | string[]> = {};
  hit.e.names.forEach((n, i) => {
    const raw = hit.m![i + 1];
    params[n.name] = n.catchAll ? raw.split('/').map(decodeURIComponent) : decodeURIComponent(raw);
  });
  return { file: hit.e.file, params };
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string | Uint8Array;
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export interface ApiResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Runs a web Request through the route handler Next would pick for it (404 JSON when none). */
export async function dispatch(req: Request): Promise<Response> {
  const match = matchRoute(new URL(req.url).pathname);
  if (!match) return Response.json({ error: { code: 'not_found', message: 'No such route.' } }, { status: 404 });
  const mod = (await import(match.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
  const handler = mod[req.method];
  if (!handler) throw new Error(`${match.file} does not export ${req.method}`);
  return handler(req, { params: Promise.resolve(match.params) });
}

export async function api<T = any>(method: string, path: string, opts: CallOptions = {}): Promise<ApiResult<T>> {
  const url = new URL(path, 'http://localhost:3000');
  if (!matchRoute(url.pathname)) throw new Error(`no route file for ${url.pathname}`);
  const headers: Record<string, string> = { 'x-marquee-client-ip': '127.0.0.1', ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: string | Uint8Array | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await dispatch(new Request(url, { method, headers, body: body as BodyInit | undefined }));
  // A stream of server-sent events never ends by itself: the status and headers say enough (read one with test/sse-client.ts).
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, headers: res.headers, body: null as T };
  }
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

let counter = 0;
/** Registers an account (the first in a database becomes admin) and signs it in. */
export async function signUp(prefix = 'user'): Promise<{ id: string; username: string; password: string; token: string }> {
  const username = `${prefix}${++counter}${Math.random().toString(36).slice(2, 6)}`;
  const password = 'correct horse battery';
  const reg = await api('POST', '/api/v1/user/register', { body: { username, password } });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const session = await api('POST', '/api/v1/auth/session', { body: { username, password } });
  return { id: reg.body.id, username, password, token: session.body.token };
}

/**
 * A browser sign-in as NextAuth makes it (a server-side session, its id in the encrypted JWT), as a
 * Cookie header value; `origin` headers make a cookie-authenticated write pass the CSRF check.
 */
export async function browserSignIn(userId: string): Promise<{ cookie: string; sameOrigin: Record<string, string> }> {
  const { encode } = await import('next-auth/jwt');
  const { createBrowserSession } = await import('@/lib/auth/api-sessions');
  const sid = await createBrowserSession(userId, 'test browser');
  const jwt = await encode({ token: { sub: userId, sid }, secret: process.env.AUTH_SECRET! });
  return { cookie: `next-auth.session-token=${jwt}`, sameOrigin: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' } };
}
