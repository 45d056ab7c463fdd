// The client for the real TheTVDB v4 API (TVDB_BASE_URL), used by the proxy's cache on a miss and
// by the updates sync. It logs in with the server's TVDB_API_KEY (and TVDB_PIN for a user-supported
// key), keeps the token and logs in again a few days before its one-month life ends, and once more
// when TheTVDB answers 401 (a token revoked early). Answers are returned as they came: status and body.

export type UpstreamAnswer = { status: number; body: string; retryAfter: string | null };

export type UpstreamOptions = {
  baseUrl: string;
  apiKey: string;
  pin?: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Give up on one request after this long (default 15 s). */
  timeoutMs?: number;
};

/** TheTVDB tokens last a month; we renew after 25 days. */
export const TOKEN_RENEW_MS = 25 * 24 * 3600 * 1000;

export class UpstreamError extends Error {}

export class TvdbUpstream {
  private token: { value: string; at: number } | null = null;
  private loggingIn: Promise<string> | null = null;
  /** Requests sent to TheTVDB (logins included), for usage figures and tests. */
  requests = 0;
  readonly baseUrl: string;

  constructor(private opts: UpstreamOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
  }

  private now() {
    return this.opts.now?.() ?? Date.now();
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    this.requests++;
    const doFetch = this.opts.fetch ?? fetch;
    try {
      return await doFetch(`${this.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(this.opts.timeoutMs ?? 15_000) });
    } catch (err) {
      throw new UpstreamError(`TheTVDB is unreachable: ${(err as Error).message}`);
    }
  }

  private async login(): Promise<string> {
    const body = JSON.stringify(this.opts.pin ? { apikey: this.opts.apiKey, pin: this.opts.pin } : { apikey: this.opts.apiKey });
    const res = await this.send('/login', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
    const json = (await res.json().catch(() => null)) as { data?: { token?: string }; message?: string } | null;
    if (!res.ok || !json?.data?.token) throw new UpstreamError(`TheTVDB login failed (${res.status}${json?.message ? `: ${json.message}` : ''})`);
    this.token = { value: json.data.token, at: this.now() };
    return json.data.token;
  }

  /** A valid token: the one we hold, or a new one (one login at a time). */
  private async bearer(forceNew = false): Promise<string> {
    if (!forceNew && this.token && this.now() - this.token.at < TOKEN_RENEW_MS) return this.token.value;
    this.loggingIn ??= this.login().finally(() => (this.loggingIn = null));
    return this.loggingIn;
  }

  /** GET a path (with its query) under the base URL. */
  async get(pathAndQuery: string): Promise<UpstreamAnswer> {
    const attempt = async (forceLogin: boolean) => {
      const token = await this.bearer(forceLogin);
      return this.send(pathAndQuery, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    };
    let res = await attempt(false);
    if (res.status === 401) {
      await res.body?.cancel();
      this.token = null;
      res = await attempt(true);
    }
    return { status: res.status, body: await res.text(), retryAfter: res.headers.get('retry-after') };
  }
}
