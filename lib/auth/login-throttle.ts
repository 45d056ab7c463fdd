// Login throttling, counted in the database (LoginFailure) so every web process sees the same:
// - per username + address: 5 failures within 15 minutes lock that pair until the oldest leaves
//   the window (a guesser at one account from one place);
// - per address: failures on 40 different usernames within 15 minutes stop that address trying
//   any more (a guesser spraying one password over many accounts);
// - per account, from anywhere: after 10 failures within 15 minutes each attempt waits a delay that
//   doubles with every further failure, capped at a minute (a guesser spread over many addresses).
//   It slows the guesser down without locking the owner out for long;
// - on a trusted device (a browser that signed in to this account before, lib/auth/trusted-device.ts)
//   only that device's own failures count (5 within 15 minutes): the owner signs in even while the
//   account is under attack, and a stolen device cookie still cannot guess freely.
// Failure keys: `<username>|<address>`, or `<username>|device:<id>` on a trusted device.
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const IP_MAX_USERNAMES = 40;
export const ACCOUNT_SLOWDOWN_AFTER = 10;
export const ACCOUNT_MAX_DELAY_S = 60;

export const LOGIN_THROTTLE_DESCRIPTION =
  `Throttled (429 with Retry-After): ${MAX_FAILURES} failures for one username from one address within 15 minutes lock that pair for ` +
  `the rest of the window; failures on ${IP_MAX_USERNAMES} usernames from one address stop that address; after ${ACCOUNT_SLOWDOWN_AFTER} ` +
  `failures on one account from anywhere, each attempt waits a doubling delay of at most ${ACCOUNT_MAX_DELAY_S} seconds. ` +
  'A browser that signed in to the account before (its trusted-device cookie) is not held back by others’ failures.';

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

async function assertKeyNotLocked(key: string, now: number): Promise<void> {
  const recent = await db.loginFailure.findMany({
    where: { key, createdAt: { gt: new Date(now - WINDOW_MS) } },
    orderBy: { createdAt: 'desc' },
    take: MAX_FAILURES,
    select: { createdAt: true },
  });
  if (recent.length < MAX_FAILURES) return;
  throw tooMany(recent[recent.length - 1].createdAt.getTime() + WINDOW_MS - now, 'Too many failed sign-in attempts.');
}

async function assertAddressNotSpraying(a: LoginAttempt, now: number): Promise<void> {
  const since = new Date(now - WINDOW_MS);
  const keys = await db.loginFailure.findMany({
    where: { key: { endsWith: `|${a.ip}` }, createdAt: { gt: since } },
    distinct: ['key'],
    select: { key: true },
    take: IP_MAX_USERNAMES,
  });
  if (keys.length < IP_MAX_USERNAMES) return;
  // Open again once failures have aged out of the window: the oldest one is the first to go.
  const oldest = await db.loginFailure.findFirst({
    where: { key: { endsWith: `|${a.ip}` }, createdAt: { gt: since } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  throw tooMany((oldest?.createdAt.getTime() ?? now) + WINDOW_MS - now, 'Too many failed sign-in attempts from this address.');
}

/** The wait the account needs after `failures` failures within the window (0 below the threshold). */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_SLOWDOWN_AFTER) return 0;
  return Math.min(ACCOUNT_MAX_DELAY_S, 2 ** (failures - ACCOUNT_SLOWDOWN_AFTER)) * 1000;
}

async function assertAccountNotSlowed(a: LoginAttempt, now: number): Promise<void> {
  const where = { key: { startsWith: `${normalize(a.username)}|` }, createdAt: { gt: new Date(now - WINDOW_MS) } };
  const failures = await db.loginFailure.count({ where });
  const delay = accountDelayMs(failures);
  if (delay === 0) return;
  const last = await db.loginFailure.findFirst({ where, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
  const wait = (last?.createdAt.getTime() ?? now) + delay - now;
  if (wait > 0) throw tooMany(wait, 'This account has had many failed sign-in attempts, so each attempt waits a little.');
}

/** Throws 429 with Retry-After when this attempt has to wait. */
export async function assertLoginAllowed(a: LoginAttempt, now = Date.now()): Promise<void> {
  if (a.deviceId) return assertKeyNotLocked(attemptKey(a), now);
  await assertAddressNotSpraying(a, now);
  await assertKeyNotLocked(attemptKey(a), now);
  await assertAccountNotSlowed(a, now);
}

export async function recordLoginFailure(a: LoginAttempt, now = Date.now()): Promise<void> {
  await db.loginFailure.create({ data: { key: attemptKey(a), createdAt: new Date(now) } });
  // Failures past the window count for nothing: dropping them keeps the per-address scans small.
  await db.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(now - WINDOW_MS) } } });
}

/** A success forgives this pair's (or this device's) failures; the account's others stay counted. */
export async function clearLoginFailures(a: LoginAttempt): Promise<void> {
  await db.loginFailure.deleteMany({ where: { key: attemptKey(a) } });
}
