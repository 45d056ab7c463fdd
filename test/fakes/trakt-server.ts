// A fake Trakt API v2 for tests and benches: a node:http server on 127.0.0.1 whose `url` stands in
// for both https://api.trakt.tv (the API) and https://trakt.tv (the authorize page). Each route says
// which page of Trakt's API documentation (docs.trakt.tv/reference/…) it follows. What it checks and
// answers as the docs say:
// - every request: `trakt-api-version: 2` and `trakt-api-key: <client_id>` (else 403 / 400); OAuth
//   routes need `Authorization: Bearer <access_token>` (else 401); an `X-Ratelimit` JSON header
//   ({name, period, limit, remaining, until}) on every answer;
// - faults the tests inject: `storm(n)` (the next n requests get 429 with `Retry-After`), `down`
//   (every request 503), `expireAccessTokens()`, `revokeRefreshTokens()`, `lock(user)` (423),
//   `accountLimit(user)` (420 with X-Upgrade-URL on writes);
// - tokens last `tokenTtlSeconds` (24 h by default, as Trakt's do) and a refresh rotates both
//   tokens (the old refresh token stops working);
// - the catalog knows any item it is given ids for (Trakt knows every title): unknown ids get a
//   new trakt id, so pushes from any library work. Pagination: `page`, `limit` with the
//   X-Pagination-* headers.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_TRAKT_CLIENT_ID = 'fake-trakt-client-id';
export const FAKE_TRAKT_CLIENT_SECRET = 'fake-trakt-client-secret';

export type Ids = { trakt?: number; slug?: string; imdb?: string | null; tmdb?: number | null; tvdb?: number | null };
type Movie = { title: string; year: number | null; ids: Ids & { trakt: number } };
type Show = Movie;
type Episode = { showTrakt: number; season: number; number: number; title: string | null; ids: Ids & { trakt: number }; firstAired?: string | null };
type Play = { id: number; watched_at: string; action: 'scrobble' | 'checkin' | 'watch'; type: 'movie' | 'episode'; target: number };
type Paused = { id: number; progress: number; paused_at: string; type: 'movie' | 'episode'; target: number };
type Activities = { movies: Record<string, string>; episodes: Record<string, string>; shows: Record<string, string> };

export interface FakeTraktUser {
  username: string;
  history: Play[];
  playback: Paused[];
  ratings: { rated_at: string; rating: number; type: 'movie' | 'show'; target: number }[];
  watchlist: { id: number; listed_at: string; type: 'movie' | 'show'; target: number }[];
  scrobbles: { action: string; progress: number; type: 'movie' | 'episode'; target: number; at: string }[];
  activities: Activities;
  locked: boolean;
  accountLimited: boolean;
}

type Grant = { user: string; clientId: string; expiresAt: number; revoked?: boolean };
export type FakeRequest = { method: string; path: string; status: number; auth?: string };

const EPOCH = '1970-01-01T00:00:00.000Z';
const json = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
};
const token = () => randomBytes(32).toString('hex');

export class FakeTrakt {
  url = '';
  readonly requests: FakeRequest[] = [];
  readonly users = new Map<string, FakeTraktUser>();
  readonly movies = new Map<number, Movie>();
  readonly shows = new Map<number, Show>();
  readonly episodes = new Map<number, Episode>();
  /** Every access and refresh token the fake ever issued (tests look for them where they must not be). */
  readonly issued: string[] = [];
  readonly apps = new Map<string, string>([[FAKE_TRAKT_CLIENT_ID, FAKE_TRAKT_CLIENT_SECRET]]);
  /** Who the authorize page and device activation sign in as. */
  authorizeAs = 'alice';
  tokenTtlSeconds = 24 * 3600;
  retryAfterSeconds = 1;
  down = false;
  /** Requests per rate-limit window (300 s); the X-Ratelimit header counts down from it. */
  rateLimit = 1000;
  private stormLeft = 0;
  private nextId = 1000;
  private readonly access = new Map<string, Grant>();
  private readonly refresh = new Map<string, Grant>();
  private readonly codes = new Map<string, { user: string; clientId: string; redirectUri: string }>();
  private readonly devices = new Map<string, { userCode: string; clientId: string; approvedBy?: string; used?: boolean; expiresAt: number; lastPoll?: number }>();
  private windowStart = Date.now();
  private windowCount = 0;
  private server = createServer((req, res) => void this.route(req, res).catch((err) => json(res, 500, { error: String(err) })));

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next n requests answer 429 with Retry-After. */
  storm(n: number) {
    this.stormLeft = n;
  }
  expireAccessTokens() {
    for (const g of this.access.values()) g.expiresAt = 0;
  }
  revokeRefreshTokens() {
    for (const g of this.refresh.values()) g.revoked = true;
  }
  user(username: string): FakeTraktUser {
    let u = this.users.get(username);
    if (!u) {
      u = {
        username, history: [], playback: [], ratings: [], watchlist: [], scrobbles: [], locked: false, accountLimited: false,
        activities: { movies: {}, episodes: {}, shows: {} },
      };
      this.users.set(username, u);
    }
    return u;
  }
  /** Approves a device code as `authorizeAs` (what the user does on trakt.tv/activate). */
  approveDevice(userCode: string) {
    for (const d of this.devices.values()) if (d.userCode === userCode) d.approvedBy = this.authorizeAs;
  }
  /** How many requests reached a path (prefix) since `since` (an index into requests). */
  countRequests(prefix = '/', since = 0) {
    return this.requests.slice(since).filter((r) => r.path.startsWith(prefix)).length;
  }

  // ---- the catalog --------------------------------------------------------------------------
  private id() {
    return this.nextId++;
  }
  private findOrAdd(map: Map<number, Movie>, ids: Ids, title?: string, year?: number | null): Movie | null {
    for (const m of map.values()) {
      if ((ids.trakt && m.ids.trakt === ids.trakt) || (ids.tmdb && m.ids.tmdb === ids.tmdb) || (ids.imdb && m.ids.imdb === ids.imdb) || (ids.tvdb && m.ids.tvdb === ids.tvdb)) return m;
    }
    if (!ids.tmdb && !ids.imdb && !ids.tvdb) return null;
    const trakt = this.id();
    const m: Movie = { title: title ?? `Title ${trakt}`, year: year ?? null, ids: { trakt, slug: `title-${trakt}`, imdb: ids.imdb ?? null, tmdb: ids.tmdb ?? null, tvdb: ids.tvdb ?? null } };
    map.set(trakt, m);
    return m;
  }
  addMovie(title: string, year: number | null, ids: Ids): Movie {
    return this.findOrAdd(this.movies, ids, title, year)!;
  }
  addShow(title: string, year: number | null, ids: Ids): Show {
    return this.findOrAdd(this.shows, ids, title, year)!;
  }
  /** The show's episode (made if new); `firstAired` (an ISO time, or null: not yet scheduled) is what the seasons endpoint says. */
  episodeOf(show: Show, season: number, number: number, title: string | null = null, firstAired?: string | null): Episode {
    for (const e of this.episodes.values()) {
      if (e.showTrakt !== show.ids.trakt || e.season !== season || e.number !== number) continue;
      if (firstAired !== undefined) e.firstAired = firstAired;
      return e;
    }
    const trakt = this.id();
    const e: Episode = { showTrakt: show.ids.trakt, season, number, title: title ?? `Episode ${number}`, ids: { trakt, tvdb: null, imdb: null, tmdb: null }, firstAired: firstAired ?? null };
    this.episodes.set(trakt, e);
    return e;
  }
  /** A play in a user's history (as if watched elsewhere). */
  addPlay(username: string, type: 'movie' | 'episode', target: number, watchedAt: string) {
    const u = this.user(username);
    u.history.push({ id: this.id(), watched_at: watchedAt, action: 'watch', type, target });
    this.touch(u, type === 'movie' ? 'movies' : 'episodes', 'watched_at');
  }
  private touch(u: FakeTraktUser, group: keyof Activities, key: string) {
    u.activities[group][key] = new Date().toISOString();
  }
  private movieView(id: number) {
    const m = this.movies.get(id)!;
    return { title: m.title, year: m.year, ids: m.ids };
  }
  private episodeView(id: number) {
    const e = this.episodes.get(id)!;
    return { season: e.season, number: e.number, title: e.title, ids: e.ids };
  }
  private showView(id: number) {
    const s = this.shows.get(id)!;
    return { title: s.title, year: s.year, ids: s.ids };
  }

  // ---- HTTP --------------------------------------------------------------------------------
  private async readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return {};
    if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
    return JSON.parse(text) as Record<string, unknown>;
  }

  private rateHeader(): Record<string, string> {
    if (Date.now() - this.windowStart > 300_000) {
      this.windowStart = Date.now();
      this.windowCount = 0;
    }
    this.windowCount++;
    const until = new Date(this.windowStart + 300_000).toISOString();
    return { 'x-ratelimit': JSON.stringify({ name: 'AUTHED_API_GET_LIMIT', period: 300, limit: this.rateLimit, remaining: Math.max(0, this.rateLimit - this.windowCount), until }) };
  }

  private async route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url);
    const path = url.pathname;
    const record: FakeRequest = { method: req.method ?? 'GET', path, status: 0 };
    this.requests.push(record);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      json(res, status, body, { ...this.rateHeader(), ...headers });
    };
    if (this.down) return send(503, { error: 'Service Unavailable - server overloaded (try again in 30s)' });
    if (this.stormLeft > 0) {
      this.stormLeft--;
      // docs.trakt.tv/reference/rate-limiting: 429 with Retry-After (seconds) and X-Ratelimit.
      return send(429, undefined, { 'retry-after': String(this.retryAfterSeconds) });
    }
    // The authorize page is a browser page on trakt.tv: no API headers.
    if (path === '/oauth/authorize') return this.authorizePage(req, res, url, record);
    if (path === '/activate') return this.activatePage(req, res, url, record);
    const body = req.method === 'POST' ? await this.readBody(req) : {};
    // docs.trakt.tv/reference/required-headers: trakt-api-key (client id) and trakt-api-version 2.
    const apiKey = String(req.headers['trakt-api-key'] ?? body.client_id ?? '');
    if (!path.startsWith('/oauth/') && req.headers['trakt-api-version'] !== '2') return send(400, { error: 'trakt-api-version must be 2' });
    if (!this.apps.has(apiKey)) return send(403, { error: 'invalid api key' });

    if (path === '/oauth/token') return this.oauthToken(body, send);
    if (path === '/oauth/revoke') {
      // docs.trakt.tv/reference/postoauthrevoke: 200 whatever the token was.
      const t = String(body.token ?? '');
      this.access.delete(t);
      return send(200, {});
    }
    if (path === '/oauth/device/code') {
      // docs.trakt.tv/reference/postoauthdevicecode
      const deviceCode = token();
      const userCode = randomBytes(4).toString('hex').toUpperCase();
      this.devices.set(deviceCode, { userCode, clientId: apiKey, expiresAt: Date.now() + 600_000 });
      return send(200, { device_code: deviceCode, user_code: userCode, verification_url: `${this.url}/activate`, expires_in: 600, interval: 1 });
    }
    if (path === '/oauth/device/token') return this.deviceToken(body, send);
    // Public metadata needs only the API key; a Bearer token, when sent, is not needed.
    const seasons = /^\/shows\/([^/]+)\/seasons$/.exec(path);
    if (req.method === 'GET' && seasons) return this.showSeasons(decodeURIComponent(seasons[1]), url, send);

    // Everything below needs OAuth (docs.trakt.tv/reference/authentication).
    const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const grant = auth ? this.access.get(auth) : undefined;
    if (!grant || grant.expiresAt < Date.now() || grant.revoked) return send(401, { error: 'invalid_grant', error_description: 'The access token is invalid or expired' });
    record.auth = grant.user;
    const u = this.user(grant.user);
    // docs.trakt.tv/reference/errors: 423 Locked User Account, 420 Account Limit Exceeded.
    if (u.locked) return send(423, { error: 'locked user account' });
    if (u.accountLimited && req.method === 'POST') return send(420, { error: 'account limit exceeded' }, { 'x-upgrade-url': 'https://trakt.tv/vip' });
    return this.oauthRoute(req.method ?? 'GET', path, url, body, u, send);
  }

  private authorizePage(req: IncomingMessage, res: ServerResponse, url: URL, record: FakeRequest) {
    // docs.trakt.tv/reference/getoauthauthorize: response_type=code, client_id, redirect_uri, state.
    const q = url.searchParams;
    record.status = 200;
    if (req.method === 'POST') {
      const code = token();
      this.codes.set(code, { user: this.authorizeAs, clientId: q.get('client_id') ?? '', redirectUri: q.get('redirect_uri') ?? '' });
      const to = new URL(q.get('redirect_uri') ?? '');
      to.searchParams.set('code', code);
      if (q.get('state')) to.searchParams.set('state', q.get('state')!);
      record.status = 302;
      res.writeHead(302, { location: to.toString() });
      return res.end();
    }
    if (q.get('response_type') !== 'code' || !this.apps.has(q.get('client_id') ?? '')) {
      record.status = 400;
      res.writeHead(400, { 'content-type': 'text/html' });
      return res.end('<p>Invalid client or response_type</p>');
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>Authorize app - Trakt</title><h1>Authorize Marquee?</h1><p>Signed in as ${this.authorizeAs}</p>
<form method="post" action="${url.pathname}${url.search}"><button type="submit">Yes</button></form>`);
  }

  private activatePage(req: IncomingMessage, res: ServerResponse, url: URL, record: FakeRequest) {
    record.status = 200;
    const code = url.searchParams.get('code');
    if (code) this.approveDevice(code);
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>Activate - Trakt</title><p>${code ? 'Approved' : 'Enter your code'}</p>`);
  }

  private issue(user: string, clientId: string) {
    const accessToken = token();
    const refreshToken = token();
    const grant = { user, clientId, expiresAt: Date.now() + this.tokenTtlSeconds * 1000 };
    this.issued.push(accessToken, refreshToken);
    this.access.set(accessToken, grant);
    this.refresh.set(refreshToken, { ...grant });
    this.user(user);
    return { access_token: accessToken, token_type: 'bearer', expires_in: this.tokenTtlSeconds, refresh_token: refreshToken, scope: 'public', created_at: Math.floor(Date.now() / 1000) };
  }

  private oauthToken(body: Record<string, unknown>, send: (s: number, b?: unknown) => void) {
    // docs.trakt.tv/reference/postoauthtoken (code → tokens; refresh_token → new pair, the old refresh token is spent).
    const clientId = String(body.client_id ?? '');
    if (this.apps.get(clientId) !== body.client_secret) return send(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    if (body.grant_type === 'authorization_code') {
      const c = this.codes.get(String(body.code ?? ''));
      if (!c || c.clientId !== clientId || c.redirectUri !== body.redirect_uri) {
        return send(401, { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.' });
      }
      this.codes.delete(String(body.code));
      return send(200, this.issue(c.user, clientId));
    }
    if (body.grant_type === 'refresh_token') {
      const rt = String(body.refresh_token ?? '');
      const g = this.refresh.get(rt);
      if (!g || g.revoked || g.clientId !== clientId) return send(401, { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid, expired or revoked.' });
      this.refresh.delete(rt);
      return send(200, this.issue(g.user, clientId));
    }
    return send(400, { error: 'unsupported_grant_type' });
  }

  private deviceToken(body: Record<string, unknown>, send: (s: number, b?: unknown) => void) {
    // docs.trakt.tv/reference/postoauthdevicetoken: 400 pending, 404 bad code, 409 used, 410 expired, 418 denied, 429 slow down.
    const d = this.devices.get(String(body.code ?? ''));
    if (!d) return send(404);
    if (this.apps.get(d.clientId) !== body.client_secret) return send(401, { error: 'invalid_client' });
    if (d.used) return send(409);
    if (d.expiresAt < Date.now()) return send(410);
    const now = Date.now();
    if (d.lastPoll && now - d.lastPoll < 500) return send(429);
    d.lastPoll = now;
    if (!d.approvedBy) return send(400);
    d.used = true;
    return send(200, this.issue(d.approvedBy, d.clientId));
  }

  private page<T>(url: URL, items: T[], send: (s: number, b?: unknown, h?: Record<string, string>) => void) {
    // docs.trakt.tv/reference/pagination: page (1-based), limit, X-Pagination-* headers.
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 10)));
    const pageCount = Math.max(1, Math.ceil(items.length / limit));
    send(200, items.slice((page - 1) * limit, page * limit), {
      'x-pagination-page': String(page), 'x-pagination-limit': String(limit),
      'x-pagination-page-count': String(pageCount), 'x-pagination-item-count': String(items.length),
    });
  }

  private playView(p: Play) {
    const base = { id: p.id, watched_at: p.watched_at, action: p.action, type: p.type };
    if (p.type === 'movie') return { ...base, movie: this.movieView(p.target) };
    const e = this.episodes.get(p.target)!;
    return { ...base, episode: this.episodeView(p.target), show: this.showView(e.showTrakt) };
  }

  private watchedMovies(u: FakeTraktUser) {
    const by = new Map<number, { plays: number; last: string }>();
    for (const p of u.history) {
      if (p.type !== 'movie') continue;
      const w = by.get(p.target) ?? { plays: 0, last: EPOCH };
      w.plays++;
      if (p.watched_at > w.last) w.last = p.watched_at;
      by.set(p.target, w);
    }
    return [...by].map(([id, w]) => ({ plays: w.plays, last_watched_at: w.last, last_updated_at: w.last, movie: this.movieView(id) }));
  }

  private watchedShows(u: FakeTraktUser) {
    const by = new Map<number, Map<number, Map<number, { plays: number; last: string }>>>();
    for (const p of u.history) {
      if (p.type !== 'episode') continue;
      const e = this.episodes.get(p.target)!;
      const seasons = by.get(e.showTrakt) ?? new Map();
      by.set(e.showTrakt, seasons);
      const eps = seasons.get(e.season) ?? new Map();
      seasons.set(e.season, eps);
      const w = eps.get(e.number) ?? { plays: 0, last: EPOCH };
      w.plays++;
      if (p.watched_at > w.last) w.last = p.watched_at;
      eps.set(e.number, w);
    }
    return [...by].map(([showId, seasons]) => {
      const all = [...seasons.values()].flatMap((eps) => [...eps.values()]);
      const last = all.reduce((a, w) => (w.last > a ? w.last : a), EPOCH);
      return {
        plays: all.reduce((n, w) => n + w.plays, 0), last_watched_at: last, last_updated_at: last, reset_at: null, show: this.showView(showId),
        seasons: [...seasons].map(([number, eps]) => ({ number, episodes: [...eps].map(([n, w]) => ({ number: n, plays: w.plays, last_watched_at: w.last })) })),
      };
    });
  }

  /** Resolves a sync body's movies / shows(+seasons+episodes) / episodes into plays (type, target, watched_at). */
  private targets(body: Record<string, unknown>) {
    type Entry = { ids?: Ids; title?: string; year?: number; watched_at?: string; seasons?: { number: number; watched_at?: string; episodes?: { number: number; watched_at?: string }[] }[] };
    const out: { type: 'movie' | 'episode'; target: number; watched_at?: string }[] = [];
    const notFound = { movies: [] as unknown[], shows: [] as unknown[], episodes: [] as unknown[] };
    for (const m of (body.movies ?? []) as Entry[]) {
      const movie = this.findOrAdd(this.movies, m.ids ?? {}, m.title, m.year);
      if (movie) out.push({ type: 'movie', target: movie.ids.trakt, watched_at: m.watched_at });
      else notFound.movies.push(m);
    }
    for (const s of (body.shows ?? []) as Entry[]) {
      const show = this.findOrAdd(this.shows, s.ids ?? {}, s.title, s.year);
      if (!show) {
        notFound.shows.push(s);
        continue;
      }
      for (const season of s.seasons ?? []) {
        for (const ep of season.episodes ?? []) out.push({ type: 'episode', target: this.episodeOf(show, season.number, ep.number).ids.trakt, watched_at: ep.watched_at ?? season.watched_at ?? s.watched_at });
      }
    }
    for (const e of (body.episodes ?? []) as Entry[]) {
      const ep = e.ids?.trakt ? this.episodes.get(e.ids.trakt) : undefined;
      if (ep) out.push({ type: 'episode', target: ep.ids.trakt, watched_at: e.watched_at });
      else notFound.episodes.push(e);
    }
    return { out, notFound };
  }

  private oauthRoute(method: string, path: string, url: URL, body: Record<string, unknown>, u: FakeTraktUser, send: (s: number, b?: unknown, h?: Record<string, string>) => void) {
    const key = `${method} ${path}`;
    // docs.trakt.tv/reference/getuserssettings
    if (key === 'GET /users/settings' || key === 'GET /users/me') {
      const user = { username: u.username, private: false, name: u.username, vip: false, vip_ep: false, ids: { slug: u.username.toLowerCase(), uuid: `uuid-${u.username}` } };
      return send(200, key === 'GET /users/me' ? user : { user, account: { timezone: 'UTC' } });
    }
    // docs.trakt.tv/reference/getsynclastactivities
    if (key === 'GET /sync/last_activities') {
      const group = (g: Record<string, string>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, g[k] ?? EPOCH]));
      const movies = group(u.activities.movies, ['watched_at', 'collected_at', 'rated_at', 'watchlisted_at', 'commented_at', 'paused_at', 'hidden_at']);
      const episodes = group(u.activities.episodes, ['watched_at', 'collected_at', 'rated_at', 'watchlisted_at', 'commented_at', 'paused_at']);
      const shows = group(u.activities.shows, ['rated_at', 'watchlisted_at', 'commented_at', 'hidden_at']);
      const all = [movies, episodes, shows].flatMap((g) => Object.values(g)).reduce((a, b) => (b > a ? b : a), EPOCH);
      return send(200, { all, movies, episodes, shows });
    }
    // docs.trakt.tv/reference/getsyncwatchedtype
    if (key === 'GET /sync/watched/movies') return send(200, this.watchedMovies(u));
    if (key === 'GET /sync/watched/shows') return send(200, this.watchedShows(u));
    // docs.trakt.tv/reference/getsynchistorytypeid: newest first, paginated.
    const history = /^\/sync\/history(?:\/(movies|episodes))?$/.exec(path);
    if (method === 'GET' && history) {
      const type = history[1] === 'movies' ? 'movie' : history[1] === 'episodes' ? 'episode' : undefined;
      const startAt = url.searchParams.get('start_at');
      const plays = u.history.filter((p) => (!type || p.type === type) && (!startAt || p.watched_at >= startAt)).sort((a, b) => b.watched_at.localeCompare(a.watched_at));
      return this.page(url, plays.map((p) => this.playView(p)), send);
    }
    // docs.trakt.tv/reference/postsynchistory: added counts and not_found.
    if (key === 'POST /sync/history') {
      const { out, notFound } = this.targets(body);
      const added = { movies: 0, episodes: 0 };
      for (const t of out) {
        const at = t.watched_at && t.watched_at !== 'released' ? new Date(t.watched_at).toISOString() : new Date().toISOString();
        // The same item at the same watched_at is the same play (a retried push adds nothing).
        if (u.history.some((p) => p.type === t.type && p.target === t.target && p.watched_at === at)) continue;
        u.history.push({ id: this.id(), watched_at: at, action: 'watch', type: t.type, target: t.target });
        added[t.type === 'movie' ? 'movies' : 'episodes']++;
      }
      if (added.movies) this.touch(u, 'movies', 'watched_at');
      if (added.episodes) this.touch(u, 'episodes', 'watched_at');
      return send(201, { added, not_found: { ...notFound, seasons: [], people: [] } });
    }
    // docs.trakt.tv/reference/postsynchistoryremove: by item (all its plays) or by history ids.
    if (key === 'POST /sync/history/remove') {
      const { out, notFound } = this.targets(body);
      const ids = new Set((body.ids ?? []) as number[]);
      const before = u.history.length;
      const removed = u.history.filter((p) => ids.has(p.id) || out.some((t) => t.type === p.type && t.target === p.target));
      u.history = u.history.filter((p) => !removed.includes(p));
      const deleted = { movies: removed.filter((p) => p.type === 'movie').length, episodes: removed.filter((p) => p.type === 'episode').length };
      if (deleted.movies) this.touch(u, 'movies', 'watched_at');
      if (deleted.episodes) this.touch(u, 'episodes', 'watched_at');
      void before;
      return send(200, { deleted, not_found: { ...notFound, seasons: [], people: [], ids: [...ids].filter((id) => !removed.some((p) => p.id === id)) } });
    }
    // docs.trakt.tv/reference/getsyncplaybacktype
    const playback = /^\/sync\/playback(?:\/(movies|episodes))?$/.exec(path);
    if (method === 'GET' && playback) {
      return send(200, u.playback.map((p) => ({
        progress: p.progress, paused_at: p.paused_at, id: p.id, type: p.type,
        ...(p.type === 'movie' ? { movie: this.movieView(p.target) } : { episode: this.episodeView(p.target), show: this.showView(this.episodes.get(p.target)!.showTrakt) }),
      })));
    }
    // docs.trakt.tv/reference/getsyncratingstyperating
    if (method === 'GET' && /^\/sync\/ratings(\/(movies|shows))?$/.test(path)) {
      return send(200, u.ratings.map((r) => ({ rated_at: r.rated_at, rating: r.rating, type: r.type, ...(r.type === 'movie' ? { movie: this.movieView(r.target) } : { show: this.showView(r.target) }) })));
    }
    // docs.trakt.tv/reference/getsyncwatchlisttypesort
    if (method === 'GET' && /^\/sync\/watchlist(\/(movies|shows))?(\/\w+)?$/.test(path)) {
      return send(200, u.watchlist.map((w, i) => ({ rank: i + 1, id: w.id, listed_at: w.listed_at, notes: null, type: w.type, ...(w.type === 'movie' ? { movie: this.movieView(w.target) } : { show: this.showView(w.target) }) })));
    }
    // docs.trakt.tv/reference/postscrobblestart | postscrobblepause | postscrobblestop
    const scrobble = /^\/scrobble\/(start|pause|stop)$/.exec(path);
    if (method === 'POST' && scrobble) return this.scrobble(scrobble[1], body, u, send);
    return send(404, { error: 'not found' });
  }

  /**
   * trakt.docs.apiary.io/#reference/seasons/summary/get-all-seasons-for-a-show (docs.trakt.tv:
   * "Get all seasons for a show"): GET /shows/:id/seasons, :id a Trakt id, slug or IMDb id (404 when
   * unknown). Seasons in order with their ids; `extended=episodes` adds every season's episodes
   * (season, number, title, ids); `full` adds the season's and episodes' details, first_aired among
   * them (an ISO time, null when not scheduled). Specials are season 0.
   */
  private showSeasons(id: string, url: URL, send: (s: number, b?: unknown) => void) {
    const show = [...this.shows.values()].find((s) => String(s.ids.trakt) === id || s.ids.slug === id || (s.ids.imdb && s.ids.imdb === id));
    if (!show) return send(404, { error: 'not found' });
    const extended = new Set((url.searchParams.get('extended') ?? '').split(',').map((x) => x.trim()));
    const full = extended.has('full');
    const eps = [...this.episodes.values()].filter((e) => e.showTrakt === show.ids.trakt);
    const numbers = [...new Set(eps.map((e) => e.season))].sort((a, b) => a - b);
    const now = Date.now();
    return send(200, numbers.map((number) => {
      const inSeason = eps.filter((e) => e.season === number).sort((a, b) => a.number - b.number);
      const ids = { trakt: show.ids.trakt * 100 + number, tvdb: null, tmdb: null, tvrage: null };
      const episodeView = (e: Episode) => {
        const min = { season: e.season, number: e.number, title: e.title, ids: { ...e.ids, tvrage: null } };
        return full
          ? { ...min, number_abs: null, overview: null, rating: 0, votes: 0, comment_count: 0, first_aired: e.firstAired ?? null, updated_at: EPOCH, available_translations: [], runtime: null, episode_type: 'standard' }
          : min;
      };
      const firstAired = inSeason.map((e) => e.firstAired).filter((d): d is string => !!d).sort()[0] ?? null;
      return {
        number, ids,
        ...(full ? {
          rating: 0, votes: 0, episode_count: inSeason.length, aired_episodes: inSeason.filter((e) => e.firstAired && Date.parse(e.firstAired) <= now).length,
          title: number === 0 ? 'Specials' : `Season ${number}`, overview: null, first_aired: firstAired, updated_at: EPOCH, network: null,
        } : {}),
        ...(extended.has('episodes') ? { episodes: inSeason.map(episodeView) } : {}),
      };
    }));
  }

  private scrobble(action: string, body: Record<string, unknown>, u: FakeTraktUser, send: (s: number, b?: unknown) => void) {
    const progress = Number(body.progress ?? 0);
    const movie = body.movie as { ids?: Ids; title?: string; year?: number } | undefined;
    const show = body.show as { ids?: Ids; title?: string; year?: number } | undefined;
    const episode = body.episode as { ids?: Ids; season?: number; number?: number } | undefined;
    let type: 'movie' | 'episode';
    let target: number | undefined;
    if (movie) {
      type = 'movie';
      target = this.findOrAdd(this.movies, movie.ids ?? {}, movie.title, movie.year)?.ids.trakt;
    } else {
      type = 'episode';
      const s = show ? this.findOrAdd(this.shows, show.ids ?? {}, show.title, show.year) : null;
      if (s && episode?.season !== undefined && episode.number !== undefined) target = this.episodeOf(s, episode.season, episode.number).ids.trakt;
      else if (episode?.ids?.trakt) target = this.episodes.get(episode.ids.trakt)?.ids.trakt;
    }
    if (target === undefined) return send(404, { error: 'item not found' });
    const now = new Date().toISOString();
    // Stopping at 80 % or more scrobbles (a play in history); less is a pause (playback progress).
    let result = action;
    if (action === 'stop' && progress >= 80) {
      const recent = u.history.find((p) => p.type === type && p.target === target && Date.now() - Date.parse(p.watched_at) < 3600_000 && p.action === 'scrobble');
      if (recent) return send(409, { watched_at: recent.watched_at, expires_at: new Date(Date.parse(recent.watched_at) + 3600_000).toISOString() });
      u.history.push({ id: this.id(), watched_at: now, action: 'scrobble', type, target });
      u.playback = u.playback.filter((p) => !(p.type === type && p.target === target));
      this.touch(u, type === 'movie' ? 'movies' : 'episodes', 'watched_at');
      result = 'scrobble';
    } else if (action === 'pause' || action === 'stop') {
      u.playback = u.playback.filter((p) => !(p.type === type && p.target === target));
      u.playback.push({ id: this.id(), progress, paused_at: now, type, target });
      this.touch(u, type === 'movie' ? 'movies' : 'episodes', 'paused_at');
      result = 'pause';
    }
    u.scrobbles.push({ action: result, progress, type, target, at: now });
    const item = type === 'movie' ? { movie: this.movieView(target) } : { episode: this.episodeView(target), show: this.showView(this.episodes.get(target)!.showTrakt) };
    return send(201, { id: this.id(), action: result, progress, sharing: { twitter: false, mastodon: false, tumblr: false }, ...item });
  }
}

export async function startFakeTrakt(): Promise<FakeTrakt> {
  return new FakeTrakt().start();
}
