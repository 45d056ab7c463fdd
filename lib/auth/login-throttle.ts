// Login throttling, counted in the database (LoginFailure) so every web process sees the same.
// The limits are configuration (lib/config/throttle-limits.ts); the defaults:
// - per username + address (THROTTLE_LOGIN_PER_PAIR, 5/15m): 5 failures within 15 minutes lock that
//   pair until the oldest leaves the window (a guesser at one account from one place);
// - per address (THROTTLE_LOGIN_PER_IP, 40/15m): failures on 40 different usernames within 15
//   minutes stop that address trying any more (a guesser spraying one password over many accounts);
// - per account, from anywhere (THROTTLE_LOGIN_PER_ACCOUNT, 10/15m): after 10 failures within 15
//   minutes each attempt waits a delay that doubles with every further failure, capped at
//   THROTTLE_LOGIN_MAX_DELAY (60s) (a guesser spread over many addresses). It slows the guesser down
//   without locking the owner out for long;
// - on a trusted device (a browser that signed in to this account before, lib/auth/trusted-device.ts)
//   only that device's own failures count (THROTTLE_LOGIN_PER_DEVICE, 5/15m): the owner signs in even
//   while the account is under attack, and a stolen device cookie still cannot guess freely.
// Failure keys: `<username>|<address>`, or `<username>|device:<id>` on a trusted device.
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import type { RateLimit } from '@/lib/config/throttle-limits';

export const LOGIN_THROTTLE_DESCRIPTION =
  'Throttled (429 with Retry-After); by default 5 failures for one username from one address within 15 minutes lock that pair for ' +
  'the rest of the window (THROTTLE_LOGIN_PER_PAIR); failures on 40 usernames from one address stop that address (THROTTLE_LOGIN_PER_IP); ' +
  'after 10 failures on one account from anywhere (THROTTLE_LOGIN_PER_ACCOUNT), each attempt waits a doubling delay of at most 60 seconds ' +
  '(THROTTLE_LOGIN_MAX_DELAY). A browser that signed in to the account before (its trusted-device cookie) is not held back by others’ ' +
  'failures, only by its own (THROTTLE_LOGIN_PER_DEVICE).';

const limits = () => config().throttle.login;

export interface LoginAttempt {
  username: string;
  ip: string;
  /** The trusted-device id, when the request carries a genuine cookie for this username's account. */
  deviceId?: string | null;
}

const normalize = (username: string) => username.trim().toLowerCase();

export function throttleKey(username: string, ip: string): string {
  return `${normalize(username)}|${ip}`;
}

function attemptKey(a: LoginAttempt): string {
  return a.deviceId ? `${normalize(a.username)}|device:${a.deviceId}` : throttleKey(a.username, a.ip);
}

function tooMany(retryAfterMs: number, message: string): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError('too_many_requests', `${message} Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, {
    headers: { 'Retry-After': String(seconds) },
  });
}

async function assertKeyNotLocked(key: string, limit: RateLimit, now: number): Promise<void> {
  const recent = await db.loginFailure.findMany({
    where: { key, createdAt: { gt: new Date(now - limit.windowMs) } },
    orderBy: { createdAt: 'desc' },
    take: limit.max,
    select: { createdAt: true },
  });
  if (recent.length < limit.max) return;
  throw tooMany(recent[recent.length - 1].createdAt.getTime() + limit.windowMs - now, 'Too many failed sign-in attempts.');
}

async function assertAddressNotSpraying(a: LoginAttempt, now: number): Promise<void> {
  const limit = limits().perIp;
  const since = new Date(now - limit.windowMs);
  const keys = await db.loginFailure.findMany({
    where: { key: { endsWith: `|${a.ip}` }, createdAt: { gt: since } },
    distinct: ['key'],
    select: { key: true },
    take: limit.max,
  });
  if (keys.length < limit.max) return;
  // Open again once failures have aged out of the window: the oldest one is the first to go.
  const oldest = await db.loginFailure.findFirst({
    where: { key: { endsWith: `|${a.ip}` }, createdAt: { gt: since } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  throw tooMany((oldest?.createdAt.getTime() ?? now) + limit.windowMs - now, 'Too many failed sign-in attempts from this address.');
}

/** The wait the account needs after `failures` failures within the window (0 below the threshold). */
export function accountDelayMs(failures: number): number {
  const { perAccount, maxDelayMs } = limits();
  if (failures < perAccount.max) return 0;
  // Past 2^30 s the cap has long won; the exponent is bounded so the number stays finite.
  return Math.min(maxDelayMs, 2 ** Math.min(30, failures - perAccount.max) * 1000);
}

async function assertAccountNotSlowed(a: LoginAttempt, now: number): Promise<void> {
  const where = { key: { startsWith: `${normalize(a.username)}|` }, createdAt: { gt: new Date(now - limits().perAccount.windowMs) } };
  const failures = await db.loginFailure.count({ where });
  const delay = accountDelayMs(failures);
  if (delay === 0) return;
  const last = await db.loginFailure.findFirst({ where, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
  const wait = (last?.createdAt.getTime() ?? now) + delay - now;
  if (wait > 0) throw tooMany(wait, 'This account has had many failed sign-in attempts, so each attempt waits a little.');
}

/** Throws 429 with Retry-After when this attempt has to wait. */
export async function assertLoginAllowed(a: LoginAttempt, now = Date.now()): Promise<void> {
  if (a.deviceId) return assertKeyNotLocked(attemptKey(a), limits().perDevice, now);
  await assertAddressNotSpraying(a, now);
  await assertKeyNotLocked(attemptKey(a), limits().perPair, now);
  await assertAccountNotSlowed(a, now);
}

export async function recordLoginFailure(a: LoginAttempt, now = Date.now()): Promise<void> {
  await db.loginFailure.create({ data: { key: attemptKey(a), createdAt: new Date(now) } });
  // Failures past every window count for nothing: dropping them keeps the per-address scans small.
  const { perPair, perIp, perAccount, perDevice } = limits();
  const longest = Math.max(perPair.windowMs, perIp.windowMs, perAccount.windowMs, perDevice.windowMs);
  await db.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(now - longest) } } });
}

/** A success forgives this pair's (or this device's) failures; the account's others stay counted. */
export async function clearLoginFailures(a: LoginAttempt): Promise<void> {
  await db.loginFailure.deleteMany({ where: { key: attemptKey(a) } });
}
