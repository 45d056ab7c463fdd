// Per-key token buckets for the TVDB proxy: `perMinute` requests a minute on average, up to `burst`
// at once. Pure apart from the clock, which is passed in. One process holds its own buckets (the
// default single web process); a multi-process deployment would move them to Redis.

export type RateDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again (X-RateLimit-Reset). */
  resetSecs: number;
  /** Seconds until one more request is allowed (Retry-After), 0 when allowed. */
  retryAfterSecs: number;
};

type Bucket = { tokens: number; at: number; perMinute: number; burst: number };

export class RateLimiter {
  private buckets = new Map<string, Bucket>();

  constructor(private now: () => number = Date.now) {}

  take(key: string, perMinute: number, burst: number): RateDecision {
    const now = this.now();
    const ratePerMs = perMinute / 60_000;
    let b = this.buckets.get(key);
    if (!b || b.perMinute !== perMinute || b.burst !== burst) {
      b = { tokens: burst, at: now, perMinute, burst };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(burst, b.tokens + (now - b.at) * ratePerMs);
    b.at = now;
    const allowed = b.tokens >= 1;
    if (allowed) b.tokens -= 1;
    return {
      allowed,
      limit: perMinute,
      remaining: Math.floor(b.tokens),
      resetSecs: Math.ceil((burst - b.tokens) / ratePerMs / 1000),
      retryAfterSecs: allowed ? 0 : Math.max(1, Math.ceil((1 - b.tokens) / ratePerMs / 1000)),
    };
  }

  /** Forget a key's bucket (after the key is rotated, changed or deleted). */
  reset(key: string) {
    this.buckets.delete(key);
  }
}
