// Trakt API v2 client (docs.trakt.tv): the required headers (trakt-api-version 2, trakt-api-key),
// Bearer auth, X-Ratelimit and 429 Retry-After honoured (waits, never hammers), 420/423 as typed
// errors, one token refresh on a 401, and paged reads. It holds no tokens at rest: the caller gives
// the current ones and is told when a refresh rotated them (lib/trakt/link.ts stores them encrypted).
import { z } from 'zod';

export type TraktTokens = { accessToken: string; refreshToken: string; expiresAt: Date };

export type TraktErrorKind =
  | 'rate_limited' // 429 after our retries
  | 'account_limit' // 420
  | 'locked' // 423
  | 'needs_reauth' // a 401 the refresh could not fix, or a refused refresh token
  | 'invalid_code' // an authorization / device code Trakt refused
  | 'unavailable' // network error or 5xx
  | 'http'; // anything else

export class TraktError extends Error {
  constructor(
    readonly kind: TraktErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TraktError';
  }
}

export interface TraktClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri?: string;
  tokens?: TraktTokens | null;
  /** Called after a refresh rotated the tokens (persist them before using them). */
  onTokens?: (tokens: TraktTokens) => Promise<void>;
  /** 429s retried per request before giving up (default 8). */
  maxRateRetries?: number;
  /** Longest single wait for Retry-After / X-Ratelimit (default 60 s); longer → rate_limited error. */
  maxWaitMs?: number;
  signal?: AbortSignal;
}

const tokenAnswer = z.object({ access_token: z.string(), refresh_token: z.string(), expires_in: z.number(), created_at: z.number().optional() });
const rateLimitHeader = z.object({ remaining: z.number(), until: z.string() });

export type TraktResponse<T> = { status: number; body: T; headers: Headers };

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

export class TraktClient {
  /** Requests sent (for the sync log and the bench). */
  requests = 0;
  private tokens: TraktTokens | null;
  private pauseUntil = 0;
  private refreshed = false;

  constructor(private readonly opts: TraktClientOptions) {
    this.tokens = opts.tokens ?? null;
  }

  get currentTokens(): TraktTokens | null {
    return this.tokens;
  }

  private headers(auth: boolean): Record<string, string> {
    const h: Record<string, string> = { 'content-type': 'application/json', 'trakt-api-version': '2', 'trakt-api-key': this.opts.clientId, 'user-agent': 'Marquee/0.1' };
    if (auth && this.tokens) h.authorization = `Bearer ${this.tokens.accessToken}`;
    return h;
  }

  private async waitForWindow() {
    const wait = this.pauseUntil - Date.now();
    if (wait > 0) await sleep(wait, this.opts.signal);
  }

  /** Reads X-Ratelimit: when the window is spent, later requests wait for its end. */
  private noteRateLimit(headers: Headers) {
    const raw = headers.get('x-ratelimit');
    if (!raw) return;
    try {
      const rl = rateLimitHeader.parse(JSON.parse(raw));
      if (rl.remaining <= 0) this.pauseUntil = Math.min(Date.parse(rl.until), Date.now() + (this.opts.maxWaitMs ?? 60_000));
    } catch {
      /* an unreadable header changes nothing */
    }
  }

  private async send(method: string, path: string, body: unknown, auth: boolean): Promise<Response> {
    const maxRetries = this.opts.maxRateRetries ?? 8;
    const maxWait = this.opts.maxWaitMs ?? 60_000;
    let networkFailures = 0;
    for (let attempt = 0; ; attempt++) {
      await this.waitForWindow();
      let res: Response;
      try {
        this.requests++;
        res = await fetch(`${this.opts.baseUrl}${path}`, {
          method, headers: this.headers(auth), body: body === undefined ? undefined : JSON.stringify(body), signal: this.opts.signal,
        });
      } catch (err) {
        if (this.opts.signal?.aborted) throw err;
        // A kept-alive connection the server had just closed fails at once: try again, twice
        // (every call we make is safe to repeat: a play is item + watched_at, a scrobble is deduped).
        if (++networkFailures <= 2) {
          await sleep(250 * networkFailures, this.opts.signal);
          continue;
        }
        throw new TraktError('unavailable', `Trakt cannot be reached (${(err as Error).message}).`);
      }
      this.noteRateLimit(res.headers);
      if (res.status !== 429) return res;
      const retryAfterMs = Math.max(1, Number(res.headers.get('retry-after') ?? 1)) * 1000;
      await res.body?.cancel();
      if (attempt >= maxRetries || retryAfterMs > maxWait) {
        throw new TraktError('rate_limited', `Trakt is rate limiting this account; retry in ${Math.ceil(retryAfterMs / 1000)} s.`, 429, retryAfterMs);
      }
      // Back off at least as long as Trakt asks, a little longer each time.
      await sleep(retryAfterMs * (1 + attempt * 0.25), this.opts.signal);
    }
  }

  /** One API call; OAuth calls refresh the token once on a 401. */
  async request<T = unknown>(method: string, path: string, opts: { body?: unknown; auth?: boolean } = {}): Promise<TraktResponse<T>> {
    const auth = opts.auth ?? true;
    let res = await this.send(method, path, opts.body, auth);
    if (res.status === 401 && auth && this.tokens && !this.refreshed) {
      await res.body?.cancel();
      this.refreshed = true; // once per client (one sync run, one push batch)
      await this.refresh();
      res = await this.send(method, path, opts.body, auth);
    }
    return this.answer<T>(res, method, path);
  }

  private async answer<T>(res: Response, method: string, path: string): Promise<TraktResponse<T>> {
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as T) : (null as T);
    if (res.ok) return { status: res.status, body: parsed, headers: res.headers };
    const what = `${method} ${path.split('?')[0]}`;
    if (res.status === 401) throw new TraktError('needs_reauth', 'Trakt no longer accepts this link: link Trakt again in Settings.', 401);
    if (res.status === 420) throw new TraktError('account_limit', `Trakt refused ${what}: the account is over its limits (Trakt VIP raises them).`, 420);
    if (res.status === 423) throw new TraktError('locked', 'Trakt says this account is locked: contact Trakt support.', 423);
    if (res.status >= 500) throw new TraktError('unavailable', `Trakt is unavailable (${res.status} on ${what}).`, res.status);
    throw new TraktError('http', `Trakt answered ${res.status} to ${what}.`, res.status);
  }

  async get<T = unknown>(path: string): Promise<T> {
    return (await this.request<T>('GET', path)).body;
  }

  async post<T = unknown>(path: string, body: unknown): Promise<T> {
    return (await this.request<T>('POST', path, { body })).body;
  }

  /** Every page of a paginated list (docs.trakt.tv/reference/pagination). */
  async getAllPages<T>(path: string, limit = 1000): Promise<T[]> {
    const out: T[] = [];
    const sep = path.includes('?') ? '&' : '?';
    for (let page = 1; ; page++) {
      const res = await this.request<T[]>('GET', `${path}${sep}page=${page}&limit=${limit}`);
      out.push(...res.body);
      const pages = Number(res.headers.get('x-pagination-page-count') ?? 1);
      if (page >= pages || res.body.length === 0) return out;
    }
  }

  // ---- OAuth (docs.trakt.tv/reference/authentication) ---------------------------------------

  private async tokenCall(body: Record<string, unknown>, invalid: TraktErrorKind): Promise<TraktTokens> {
    const res = await this.send('POST', '/oauth/token', { client_id: this.opts.clientId, client_secret: this.opts.clientSecret, redirect_uri: this.opts.redirectUri, ...body }, false);
    const text = await res.text();
    if (res.status >= 500) throw new TraktError('unavailable', `Trakt is unavailable (${res.status}).`, res.status);
    if (!res.ok) {
      const why = invalid === 'invalid_code' ? 'Trakt refused the authorization code (invalid, expired or already used): link again.' : 'Trakt refused the refresh token: link Trakt again in Settings.';
      throw new TraktError(invalid, why, res.status);
    }
    const t = tokenAnswer.parse(JSON.parse(text));
    const issued = (t.created_at ?? Math.floor(Date.now() / 1000)) * 1000;
    return { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: new Date(issued + t.expires_in * 1000) };
  }

  /** The authorize page's URL (on trakt.tv), carrying our `state`. */
  static authorizeUrl(authBase: string, clientId: string, redirectUri: string, state: string): string {
    const q = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, state });
    return `${authBase}/oauth/authorize?${q}`;
  }

  async exchangeCode(code: string): Promise<TraktTokens> {
    this.tokens = await this.tokenCall({ code, grant_type: 'authorization_code' }, 'invalid_code');
    return this.tokens;
  }

  /** Trades the refresh token for a new pair (Trakt rotates both) and reports them. */
  async refresh(): Promise<TraktTokens> {
    if (!this.tokens) throw new TraktError('needs_reauth', 'Trakt is not linked.');
    const next = await this.tokenCall({ refresh_token: this.tokens.refreshToken, grant_type: 'refresh_token' }, 'needs_reauth');
    this.tokens = next;
    await this.opts.onTokens?.(next);
    return next;
  }

  async revoke(): Promise<void> {
    if (!this.tokens) return;
    const res = await this.send('POST', '/oauth/revoke', { token: this.tokens.accessToken, client_id: this.opts.clientId, client_secret: this.opts.clientSecret }, false);
    await res.body?.cancel();
  }

  async deviceCode(): Promise<{ device_code: string; user_code: string; verification_url: string; expires_in: number; interval: number }> {
    const res = await this.send('POST', '/oauth/device/code', { client_id: this.opts.clientId }, false);
    return (await this.answer<{ device_code: string; user_code: string; verification_url: string; expires_in: number; interval: number }>(res, 'POST', '/oauth/device/code')).body;
  }

  /** One poll: tokens, or why not yet (pending / slow_down) or never (expired / denied / used / invalid). */
  async deviceToken(deviceCode: string): Promise<TraktTokens | 'pending' | 'slow_down' | 'expired' | 'denied' | 'used' | 'invalid'> {
    const res = await this.send('POST', '/oauth/device/token', { code: deviceCode, client_id: this.opts.clientId, client_secret: this.opts.clientSecret }, false);
    const text = await res.text();
    if (res.status === 200) {
      const t = tokenAnswer.parse(JSON.parse(text));
      const issued = (t.created_at ?? Math.floor(Date.now() / 1000)) * 1000;
      this.tokens = { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: new Date(issued + t.expires_in * 1000) };
      return this.tokens;
    }
    const byStatus: Record<number, 'pending' | 'invalid' | 'used' | 'expired' | 'denied' | 'slow_down'> = { 400: 'pending', 404: 'invalid', 409: 'used', 410: 'expired', 418: 'denied', 429: 'slow_down' };
    const r = byStatus[res.status];
    if (r) return r;
    if (res.status >= 500) throw new TraktError('unavailable', `Trakt is unavailable (${res.status}).`, res.status);
    throw new TraktError('http', `Trakt answered ${res.status} to the device token poll.`, res.status);
  }
}
