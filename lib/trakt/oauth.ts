// Linking a Marquee account with Trakt: the authorization-code flow (a single-use `state` bound to
// the user, stored hashed, 10 minutes), the device-code flow (the worker polls at Trakt's interval),
// status, refresh and unlink. No answer ever carries a token.
import { randomBytes } from 'node:crypto';
import { hashSecret } from '@/lib/auth/secret-token';
import { open, seal } from '@/lib/auth/secret-box';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { TraktClient, TraktError, type TraktTokens } from './client';
import { apiErrorOf, appClient, credentialsFor, linkedClient, requireCredentials, saveLink, traktRedirectUri } from './link';

const STATE_TTL_MS = 10 * 60_000;

async function profileOf(tokens: TraktTokens, userId: string) {
  const creds = await requireCredentials(userId);
  const c = new TraktClient({ baseUrl: config().trakt.baseUrl, clientId: creds.clientId, clientSecret: creds.clientSecret, tokens });
  const me = await c.get<{ user: { username: string; ids: { slug: string } } }>('/users/settings');
  return { username: me.user.username, slug: me.user.ids.slug };
}

/** A fresh authorize URL carrying a single-use state bound to this user. */
export async function authenticate(userId: string) {
  const creds = await requireCredentials(userId);
  const state = randomBytes(24).toString('base64url');
  await db.traktAuthState.create({ data: { userId, kind: 'oauth', stateHash: hashSecret(state), expiresAt: new Date(Date.now() + STATE_TTL_MS) } });
  return {
    auth_url: TraktClient.authorizeUrl(config().trakt.authUrl, creds.clientId, traktRedirectUri(), state),
    message: 'Open auth_url, approve Marquee on Trakt, and Trakt sends you back here to finish linking.',
  };
}

/** Finishes the code flow: the state must be this user's, unexpired and unused. */
export async function completeAuthorization(userId: string, code: string, state: string) {
  const row = await db.traktAuthState.findUnique({ where: { stateHash: hashSecret(state) } });
  if (!row || row.kind !== 'oauth' || row.userId !== userId) throw new ApiError('trakt_invalid_state', 'This Trakt authorisation was not started by you here (the state does not match): start linking again from Settings.');
  // Spend the state first, atomically: a replay finds it used.
  const spent = await db.traktAuthState.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
  if (spent.count === 0) throw new ApiError('trakt_invalid_state', 'This Trakt authorisation was already used: start linking again from Settings.');
  if (row.expiresAt < new Date()) throw new ApiError('trakt_invalid_state', 'This Trakt authorisation expired (10 minutes): start linking again from Settings.');
  try {
    const client = await appClient(userId);
    const tokens = await client.exchangeCode(code);
    await saveLink(userId, tokens, await profileOf(tokens, userId));
    return { authenticated: true as const, expires_at: tokens.expiresAt.toISOString() };
  } catch (err) {
    throw apiErrorOf(err);
  }
}

/** Starts the device flow: Settings shows the code and link; the worker polls (lib/trakt/device-job.ts). */
export async function startDeviceFlow(userId: string) {
  const client = await appClient(userId);
  let code;
  try {
    code = await client.deviceCode();
  } catch (err) {
    throw apiErrorOf(err);
  }
  await db.traktAuthState.deleteMany({ where: { userId, kind: 'device' } });
  const row = await db.traktAuthState.create({
    data: {
      userId, kind: 'device', stateHash: hashSecret(code.device_code), deviceCodeEnc: seal(code.device_code, 'trakt.device'),
      userCode: code.user_code, verificationUrl: code.verification_url, intervalSecs: code.interval, expiresAt: new Date(Date.now() + code.expires_in * 1000),
    },
  });
  return { id: row.id, user_code: code.user_code, verification_url: code.verification_url, expires_in: code.expires_in, interval: code.interval };
}

/** One poll of a device authorisation; 'done' once linked, 'pending' to poll again, 'over' when it cannot succeed. */
export async function pollDevice(stateId: string): Promise<{ result: 'done' | 'pending' | 'over'; intervalSecs: number }> {
  const row = await db.traktAuthState.findUnique({ where: { id: stateId } });
  if (!row || row.kind !== 'device' || row.usedAt) return { result: 'over', intervalSecs: 0 };
  const interval = row.intervalSecs ?? 5;
  if (row.expiresAt < new Date()) {
    await db.traktAuthState.delete({ where: { id: row.id } });
    return { result: 'over', intervalSecs: interval };
  }
  const deviceCode = open(row.deviceCodeEnc ?? '', 'trakt.device');
  if (!deviceCode) return { result: 'over', intervalSecs: interval };
  const client = await appClient(row.userId);
  const answer = await client.deviceToken(deviceCode);
  if (answer === 'pending') return { result: 'pending', intervalSecs: interval };
  if (answer === 'slow_down') return { result: 'pending', intervalSecs: interval + 1 };
  if (typeof answer === 'string') {
    await db.traktAuthState.delete({ where: { id: row.id } });
    return { result: 'over', intervalSecs: interval };
  }
  await saveLink(row.userId, answer, await profileOf(answer, row.userId));
  await db.traktAuthState.update({ where: { id: row.id }, data: { usedAt: new Date() } });
  return { result: 'done', intervalSecs: interval };
}

export async function authStatus(userId: string) {
  const link = await db.traktLink.findUnique({ where: { userId } });
  const device = await db.traktAuthState.findFirst({ where: { userId, kind: 'device', usedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: 'desc' } });
  const pendingDevice = device ? { user_code: device.userCode ?? '', verification_url: device.verificationUrl ?? '', expires_at: device.expiresAt.toISOString() } : null;
  if (!link) {
    const auth_url = (await credentialsFor(userId)) ? (await authenticate(userId)).auth_url : null;
    return { authenticated: false as const, auth_url, device: pendingDevice };
  }
  return {
    authenticated: true as const,
    token_expired: link.status === 'needs_reauth',
    expires_at: link.expiresAt.toISOString(),
    status: link.status,
    status_message: link.statusMessage,
    username: link.traktUsername,
    last_sync_at: link.lastSyncAt?.toISOString() ?? null,
    device: pendingDevice,
  };
}

/** Refreshes the token now; answers only when it expires (never the token). */
export async function refreshNow(userId: string) {
  const client = await linkedClient(userId);
  try {
    const t = await client.refresh();
    return { expires_at: t.expiresAt.toISOString() };
  } catch (err) {
    if (err instanceof TraktError && err.kind === 'needs_reauth') {
      await db.traktLink.updateMany({ where: { userId }, data: { status: 'needs_reauth', statusMessage: err.message } });
    }
    throw apiErrorOf(err);
  }
}

/** Revokes the token at Trakt (best effort: a Trakt that is down does not keep the link here) and forgets it. */
export async function unlink(userId: string) {
  const link = await db.traktLink.findUnique({ where: { userId } });
  if (!link) return;
  try {
    await (await linkedClient(userId)).revoke();
  } catch {
    /* revoked here regardless; Trakt's token expires on its own */
  }
  await db.$transaction([
    db.traktLink.deleteMany({ where: { userId } }),
    db.watchOutbox.deleteMany({ where: { userId } }),
    db.traktItem.deleteMany({ where: { userId } }),
    db.traktAuthState.deleteMany({ where: { userId } }),
  ]);
}
