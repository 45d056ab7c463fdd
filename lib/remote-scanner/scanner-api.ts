// The remote scanner's side of the API. Every call the server offers it is idempotent, so a call
// whose answer was lost can be sent again: while the server cannot be reached (refused, reset,
// timed out, 502/503/504, 429) the call waits with a growing pause and tries again, saying once
// that it waits and once that the server is back. Any other answer is the caller's to judge.

export interface ApiAnswer {
  status: number;
  body: any;
}

export interface ScannerApiOptions {
  endpoint: string;
  token: string;
  log: { info(msg: string): void; warn(msg: string): void };
  /** First pause after a failed attempt; it doubles up to `maxWaitMs`. */
  firstWaitMs?: number;
  maxWaitMs?: number;
  /** A call with no answer after this long counts as unreachable. */
  timeoutMs?: number;
  /** Test seam: the pause between attempts. */
  sleep?: (ms: number) => Promise<void>;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

export interface ScannerApi {
  call(method: string, path: string, body?: unknown): Promise<ApiAnswer>;
}

function describeFailure(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return cause.code;
  if ((err as Error)?.name === 'TimeoutError') return 'no answer in time';
  return (err as Error)?.message ?? String(err);
}

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

export function createScannerApi(opts: ScannerApiOptions): ScannerApi {
  const endpoint = opts.endpoint.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' };
  const firstWait = opts.firstWaitMs ?? 250;
  const maxWait = opts.maxWaitMs ?? 10_000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  // One outage, however many calls wait through it, is announced once.
  let downSince: number | null = null;

  async function attempt(method: string, path: string, body: unknown): Promise<ApiAnswer | { retry: string; waitMs?: number }> {
    let res: Response;
    try {
      res = await fetch(`${endpoint}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 120_000),
      });
    } catch (err) {
      return { retry: describeFailure(err) };
    }
    const text = await res.text().catch(() => '');
    if (RETRY_STATUSES.has(res.status)) {
      const after = Number(res.headers.get('retry-after'));
      return { retry: `HTTP ${res.status}`, waitMs: Number.isFinite(after) && after > 0 ? after * 1000 : undefined };
    }
    return { status: res.status, body: parseBody(text) };
  }

  return {
    async call(method, path, body) {
      let wait = firstWait;
      for (;;) {
        const answer = await attempt(method, path, body);
        if ('status' in answer) {
          if (downSince !== null) {
            opts.log.info(`[scanner] the server answers again (after ${Math.round((Date.now() - downSince) / 1000)} s); carrying on`);
            downSince = null;
          }
          return answer;
        }
        if (downSince === null) {
          downSince = Date.now();
          opts.log.warn(`[scanner] the server at ${endpoint} is unreachable (${answer.retry}): waiting for it, trying again every ${Math.round(maxWait / 1000)} s at most`);
        }
        await sleep(answer.waitMs ?? wait);
        wait = Math.min(wait * 2, maxWait);
      }
    },
  };
}
