// A fake TheTVDB v4 API for tests: a node:http server on 127.0.0.1 whose base URL stands in for
// https://api4.thetvdb.com/v4. It answers the routes our caching proxy relays the way the v4 OpenAPI
// document (github.com/thetvdb/v4-api docs/swagger.yml) and the live API do: bearer tokens from
// POST /login, `{"status":"success","data":…}` envelopes, 0-based pages with absolute `links`,
// `{"status":"failure","message":…,"data":null}` on errors. The dataset is ours (tvdb-seed.ts).
// Test controls: call counters, slow responses, 429 bursts, an outage switch, token revocation.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import {
  episodeBaseRecord,
  episodeExtendedRecord,
  movieBaseRecord,
  movieExtendedRecord,
  peopleBaseRecord,
  peopleExtendedRecord,
  seriesBaseRecord,
  seriesExtendedRecord,
  type Links,
  type SearchResult,
} from '@/lib/tvdb/v4-schemas';
import { seedTvdbData, type FakeEpisode, type FakeTvdbData } from './tvdb-seed';

export { FAKE_TVDB_IDS, seedTvdbData, type FakeTvdbData } from './tvdb-seed';

export const FAKE_TVDB_API_KEY = 'fake-tvdb-key';
export const SEASON_TYPES = ['default', 'official', 'dvd', 'absolute', 'alternate', 'regional'] as const;
export type SeasonTypeName = (typeof SEASON_TYPES)[number];

export interface FakeTvdbOptions {
  /** The api key POST /login accepts (default 'fake-tvdb-key'). */
  apiKey?: string;
  /** When set, POST /login also requires this subscriber pin. */
  pin?: string;
  /** Items per page of /series/{id}/episodes/{season-type} and /updates (default 500, as the live API). */
  pageSize?: number;
  /** Default `limit` of /search (default 50). */
  searchLimit?: number;
  /** Wait this long before answering every request (default 0). */
  delayMs?: number;
  /** Retry-After seconds on 429 answers (default 1). */
  retryAfterSeconds?: number;
  /** A dataset to serve instead of a fresh seedTvdbData(). */
  data?: FakeTvdbData;
}

export interface FakeTvdbCalls {
  /** Every request received, whatever it was answered. */
  total: number;
  /** By route pattern, e.g. '/series/:id/extended'; unknown routes count under '(unmatched)'. */
  byRoute: Map<string, number>;
  /** By request path without the query, e.g. '/series/900001'. */
  byPath: Map<string, number>;
}

export interface FakeTvdb {
  /** Base URL, no trailing slash: `${url}/login`, `${url}/series/1`, … */
  url: string;
  calls: FakeTvdbCalls;
  /** The served dataset; tests may change it (e.g. push to `data.updates`). */
  data: FakeTvdbData;
  /** true: every request gets 503; 'reset': every socket is destroyed; false: back to normal. */
  setDown(down: boolean | 'reset'): void;
  /** The next n requests get 429 with Retry-After. */
  rateLimitNext(n: number): void;
  /** Every token issued so far becomes invalid (401) until the client logs in again. */
  revokeTokens(): void;
  /** A valid token without a /login call (not counted). */
  issueToken(): string;
  setDelay(ms: number): void;
  resetCalls(): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
interface Ctx {
  params: Record<string, string>;
  query: URLSearchParams;
  path: string;
  req: IncomingMessage;
}
interface Route {
  method: 'GET' | 'POST';
  pattern: string;
  regex: RegExp;
  names: string[];
  auth: boolean;
  handle(ctx: Ctx): Reply | Promise<Reply>;
}

const ok = (data: unknown, links?: Links): Reply => ({ status: 200, body: links ? { status: 'success', data, links } : { status: 'success', data } });
const failure = (status: number, message: string, headers?: Record<string, string>): Reply => ({
  status,
  body: { status: 'failure', message, data: null },
  headers,
});
const notFound = (what: string) => failure(404, `NotFoundException: error fetching ${what}`);

/** The fields of `record` that `schema` (a v4 record schema) documents: how base records are cut from extended ones. */
function project(schema: z.ZodObject, record: object): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) if (key in source) out[key] = source[key];
  return out;
}

/** Applies the documented `meta` and `short` query options of the extended endpoints. */
function extendedView(record: Record<string, unknown>, query: URLSearchParams, shortDrops: string[]): Record<string, unknown> {
  const out = { ...record };
  const meta = query.get('meta');
  if (meta !== 'translations') delete out.translations;
  if (query.get('short') === 'true') for (const key of shortDrops) delete out[key];
  return out;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > 64 * 1024) return undefined;
    chunks.push(buf);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export async function startFakeTvdb(opts: FakeTvdbOptions = {}): Promise<FakeTvdb> {
  const apiKey = opts.apiKey ?? FAKE_TVDB_API_KEY;
  const pageSize = opts.pageSize ?? 500;
  const searchLimit = opts.searchLimit ?? 50;
  const retryAfter = String(opts.retryAfterSeconds ?? 1);
  const data = opts.data ?? seedTvdbData();
  const calls: FakeTvdbCalls = { total: 0, byRoute: new Map(), byPath: new Map() };
  let tokens = new Set<string>();
  let down: boolean | 'reset' = false;
  let rateLimited = 0;
  let delayMs = opts.delayMs ?? 0;
  let url = '';

  function issueToken(): string {
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: 'fake-tvdb', sub: 'fake-subscriber', iat: now, exp: now + 30 * 86_400, jti: randomBytes(8).toString('hex') };
    const token = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}.${randomBytes(32).toString('base64url')}`;
    tokens.add(token);
    return token;
  }

  function pageLinks(path: string, query: URLSearchParams, page: number, size: number, total: number): Links {
    const at = (p: number) => {
      const q = new URLSearchParams(query);
      q.set('page', String(p));
      return `${url}${path}?${q}`;
    };
    return { prev: page > 0 ? at(page - 1) : null, self: at(page), next: (page + 1) * size < total ? at(page + 1) : null, total_items: total, page_size: size };
  }

  function pageParam(query: URLSearchParams): number | null {
    const raw = query.get('page') ?? '0';
    return /^\d+$/.test(raw) ? Number(raw) : null;
  }

  /** Episodes of a series in the order of a season type, as base records. */
  function episodesInOrder(seriesId: number, type: SeasonTypeName): Record<string, unknown>[] {
    const all = [...data.episodes.values()].filter((e) => e.seriesId === seriesId);
    const byAired = (a: FakeEpisode, b: FakeEpisode) => a.seasonNumber - b.seasonNumber || a.number - b.number;
    if (type === 'alternate' || type === 'regional') return []; // the seeded series have no such orders
    if (type === 'absolute') {
      return all
        .filter((e) => e.absoluteNumber != null)
        .sort((a, b) => (a.absoluteNumber ?? 0) - (b.absoluteNumber ?? 0))
        .map((e) => ({ ...project(episodeBaseRecord, e), seasonNumber: 1, number: e.absoluteNumber }));
    }
    return all.sort(byAired).map((e) => project(episodeBaseRecord, e)); // default, official, dvd
  }

  function searchHits(term: string, type: string | null): SearchResult[] {
    const hits: SearchResult[] = [];
    const matches = (name: string, aliases: string[]) => [name, ...aliases].some((n) => n.toLowerCase().includes(term));
    if (!type || type === 'series') {
      for (const s of data.series.values()) {
        const aliases = (s.aliases ?? []).map((a) => a.name ?? '').filter(Boolean);
        if (!matches(s.name, aliases)) continue;
        hits.push({
          objectID: `series-${s.id}`,
          id: `series-${s.id}`,
          tvdb_id: String(s.id),
          type: 'series',
          name: s.name,
          slug: s.slug,
          aliases,
          image_url: s.image,
          thumbnail: s.image,
          year: s.year,
          first_air_time: s.firstAired,
          overview: s.overview,
          overviews: s.overview ? { eng: s.overview } : {},
          translations: { eng: s.name },
          primary_language: s.originalLanguage,
          country: s.originalCountry,
          status: s.status?.name,
          network: s.originalNetwork?.name,
          genres: (s.genres ?? []).map((g) => g.name ?? ''),
          remote_ids: s.remoteIds,
        });
      }
    }
    if (!type || type === 'movie') {
      for (const m of data.movies.values()) {
        if (!matches(m.name, [])) continue;
        hits.push({
          objectID: `movie-${m.id}`,
          id: `movie-${m.id}`,
          tvdb_id: String(m.id),
          type: 'movie',
          name: m.name,
          slug: m.slug,
          image_url: m.image,
          thumbnail: m.image,
          year: m.year,
          translations: { eng: m.name },
          primary_language: m.originalLanguage,
          country: m.originalCountry,
          status: m.status?.name,
          studios: (m.studios ?? []).map((s) => s.name ?? ''),
          genres: (m.genres ?? []).map((g) => g.name ?? ''),
          remote_ids: m.remoteIds,
        });
      }
    }
    if (!type || type === 'person') {
      for (const p of data.people.values()) {
        if (!matches(p.name, [])) continue;
        hits.push({
          objectID: `people-${p.id}`,
          id: `people-${p.id}`,
          tvdb_id: String(p.id),
          type: 'person',
          name: p.name,
          slug: p.slug,
          image_url: p.image,
          thumbnail: p.image,
          translations: { eng: p.name },
        });
      }
    }
    return hits;
  }

  const routes: Route[] = [];
  function route(method: Route['method'], pattern: string, handle: Route['handle'], auth = true): void {
    const names: string[] = [];
    const source = pattern.replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    routes.push({ method, pattern, regex: new RegExp(`^${source}$`), names, auth, handle });
  }

  route(
    'POST',
    '/login',
    async ({ req }) => {
      const body = await readJson(req);
      const creds = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      if (typeof creds.apikey !== 'string') return failure(400, 'InvalidValueType: apikey required');
      if (creds.apikey !== apiKey) return failure(401, 'InvalidAPIKey: apikey invalid');
      if (opts.pin !== undefined) {
        if (typeof creds.pin !== 'string') return failure(400, 'InvalidValueType: pin required');
        if (creds.pin !== opts.pin) return failure(401, 'Unauthorized');
      }
      return ok({ token: issueToken() });
    },
    false,
  );

  // GET /series: every series, base records, a page at a time (the document's getAllSeries).
  route('GET', '/series', ({ query, path }) => {
    const page = pageParam(query);
    if (page === null) return failure(400, 'InvalidValueType: invalid page');
    const all = [...data.series.values()].sort((a, b) => a.id - b.id);
    return ok(all.slice(page * pageSize, (page + 1) * pageSize).map((s) => project(seriesBaseRecord, s)), pageLinks(path, query, page, pageSize, all.length));
  });
  route('GET', '/series/:id', ({ params }) => {
    const series = data.series.get(Number(params.id));
    return series ? ok(project(seriesBaseRecord, series)) : notFound('series');
  });
  route('GET', '/series/:id/extended', ({ params, query }) => {
    const series = data.series.get(Number(params.id));
    if (!series) return notFound('series');
    const out = extendedView(project(seriesExtendedRecord, series), query, ['characters', 'artworks']);
    if (query.get('meta') === 'episodes') out.episodes = episodesInOrder(series.id, 'default');
    return ok(out);
  });
  route('GET', '/series/:id/episodes/:seasonType', ({ params, query, path }) => {
    const series = data.series.get(Number(params.id));
    if (!series) return notFound('series');
    const type = SEASON_TYPES.find((t) => t === params.seasonType);
    const page = pageParam(query);
    if (!type || page === null) return failure(400, 'InvalidValueType: invalid season-type or page');
    const season = query.get('season');
    const episodeNumber = query.get('episodeNumber');
    const airDate = query.get('airDate');
    if (episodeNumber !== null && season === null) return failure(400, 'InvalidValueType: episodeNumber requires season');
    const episodes = episodesInOrder(series.id, type).filter(
      (e) =>
        (season === null || e.seasonNumber === Number(season)) &&
        (episodeNumber === null || e.number === Number(episodeNumber)) &&
        (airDate === null || e.aired === airDate),
    );
    const slice = episodes.slice(page * pageSize, (page + 1) * pageSize);
    return ok({ series: project(seriesBaseRecord, series), episodes: slice }, pageLinks(path, query, page, pageSize, episodes.length));
  });

  route('GET', '/episodes/:id', ({ params }) => {
    const episode = data.episodes.get(Number(params.id));
    return episode ? ok(project(episodeBaseRecord, episode)) : notFound('episode');
  });
  route('GET', '/episodes/:id/extended', ({ params, query }) => {
    const episode = data.episodes.get(Number(params.id));
    return episode ? ok(extendedView(project(episodeExtendedRecord, episode), query, [])) : notFound('episode');
  });

  route('GET', '/movies/:id', ({ params }) => {
    const movie = data.movies.get(Number(params.id));
    return movie ? ok(project(movieBaseRecord, movie)) : notFound('movie');
  });
  route('GET', '/movies/:id/extended', ({ params, query }) => {
    const movie = data.movies.get(Number(params.id));
    return movie ? ok(extendedView(project(movieExtendedRecord, movie), query, ['characters', 'artworks', 'trailers'])) : notFound('movie');
  });

  route('GET', '/people/:id', ({ params }) => {
    const person = data.people.get(Number(params.id));
    return person ? ok(project(peopleBaseRecord, person)) : notFound('people');
  });
  route('GET', '/people/:id/extended', ({ params, query }) => {
    const person = data.people.get(Number(params.id));
    return person ? ok(extendedView(project(peopleExtendedRecord, person), query, [])) : notFound('people');
  });

  route('GET', '/search', ({ query, path }) => {
    const term = (query.get('query') ?? query.get('q') ?? '').trim().toLowerCase();
    if (!term) return failure(400, 'InvalidValueType: query is required');
    const limit = Number(query.get('limit') ?? searchLimit);
    const offset = Number(query.get('offset') ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) return failure(400, 'InvalidValueType: invalid limit or offset');
    const hits = searchHits(term, query.get('type'));
    const at = (o: number) => {
      const q = new URLSearchParams(query);
      q.set('offset', String(o));
      return `${url}${path}?${q}`;
    };
    const links: Links = {
      prev: offset > 0 ? at(Math.max(0, offset - limit)) : null,
      self: at(offset),
      next: offset + limit < hits.length ? at(offset + limit) : null,
      total_items: hits.length,
      page_size: limit,
    };
    return ok(hits.slice(offset, offset + limit), links);
  });

  route('GET', '/updates', ({ query, path }) => {
    const sinceRaw = query.get('since');
    if (sinceRaw === null || !/^\d+$/.test(sinceRaw)) return failure(400, 'InvalidValueType: since is required');
    const page = pageParam(query);
    if (page === null) return failure(400, 'InvalidValueType: invalid page');
    const since = Number(sinceRaw);
    const type = query.get('type');
    const action = query.get('action');
    const records = data.updates
      .filter((u) => (u.timeStamp ?? 0) >= since)
      .filter((u) => !type || u.entityType === type)
      .filter((u) => !action || (action === 'delete' ? u.methodInt === 3 : u.methodInt !== 3))
      .sort((a, b) => (a.timeStamp ?? 0) - (b.timeStamp ?? 0));
    return ok(records.slice(page * pageSize, (page + 1) * pageSize), pageLinks(path, query, page, pageSize, records.length));
  });

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = new URL(req.url ?? '/', 'http://fake-tvdb');
    const path = parsed.pathname;
    const matches = routes.map((r) => ({ r, m: r.regex.exec(path) })).filter((x) => x.m);
    const hit = matches.find((x) => x.r.method === req.method);
    calls.total += 1;
    bump(calls.byPath, path);
    bump(calls.byRoute, (hit ?? matches[0])?.r.pattern ?? '(unmatched)');

    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (down === 'reset') {
      req.socket.destroy();
      return;
    }
    const reply = await (async (): Promise<Reply> => {
      if (down) return failure(503, 'Service Unavailable');
      if (rateLimited > 0) {
        rateLimited -= 1;
        return failure(429, 'Too Many Requests', { 'retry-after': retryAfter });
      }
      if (!hit?.m) return matches.length ? failure(405, 'Method Not Allowed') : failure(404, 'Not Found');
      if (hit.r.auth) {
        const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
        if (!bearer || !tokens.has(bearer[1])) return failure(401, 'Unauthorized');
      }
      const m = hit.m;
      const params = Object.fromEntries(hit.r.names.map((name, i) => [name, decodeURIComponent(m[i + 1])]));
      // The document answers 400 to a malformed id ("Invalid series id", …) before looking anything up.
      if (params.id !== undefined && !/^\d+$/.test(params.id)) return failure(400, 'InvalidValueType: invalid id');
      return hit.r.handle({ params, query: parsed.searchParams, path, req });
    })();
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=UTF-8',
      'content-length': Buffer.byteLength(text),
      ...reply.headers,
    });
    res.end(text);
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      const text = JSON.stringify({ status: 'failure', message: `fake tvdb: ${String(err)}`, data: null });
      res.writeHead(500, { 'content-type': 'application/json; charset=UTF-8' }).end(text);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    calls,
    data,
    setDown(value) {
      down = value;
      if (value === 'reset') server.closeIdleConnections();
    },
    rateLimitNext(n) {
      rateLimited = n;
    },
    revokeTokens() {
      tokens = new Set();
    },
    issueToken,
    setDelay(ms) {
      delayMs = ms;
    },
    resetCalls() {
      calls.total = 0;
      calls.byRoute.clear();
      calls.byPath.clear();
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
