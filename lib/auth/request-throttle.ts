// Throttling for anonymous endpoints that send mail (activation re-send, password reset): each
// request counts against every key it names (the client address, the email asked about) over a
// sliding window, whether or not an account matches, so a 429 reveals nothing about accounts.
// Counted in the database so every web process sees the same counts.
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';

export interface ThrottleRule {
  key: string;
  max: number;
  windowMs: number;
}

/** Records one hit on each key, or throws 429 with Retry-After when any key is already at its limit. */
export async function takeThrottledHit(rules: readonly ThrottleRule[], now = Date.now()): Promise<void> {
  let retryAfter = 0;
  for (const rule of rules) {
    const recent = await db.rateHit.findMany({
      where: { key: rule.key, createdAt: { gt: new Date(now - rule.windowMs) } },
      orderBy: { createdAt: 'desc' },
      take: rule.max,
      select: { createdAt: true },
    });
    if (recent.length < rule.max) continue;
    const oldest = recent[recent.length - 1].createdAt.getTime();
    retryAfter = Math.max(retryAfter, Math.ceil((oldest + rule.windowMs - now) / 1000), 1);
  }
  if (retryAfter > 0) {
    throw new ApiError('too_many_requests', `Too many requests. Try again in ${retryAfter} seconds.`, {
      headers: { 'Retry-After': String(retryAfter) },
    });
  }
  await db.rateHit.createMany({ data: rules.map((r) => ({ key: r.key, createdAt: new Date(now) })) });
}

/** Forgets hits older than a day (run by system.cleanup). */
export async function purgeOldHits(now = Date.now()): Promise<number> {
  const { count } = await db.rateHit.deleteMany({ where: { createdAt: { lt: new Date(now - 24 * 3600_000) } } });
  return count;
}
