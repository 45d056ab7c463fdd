// A user's Trakt link: which app credentials apply (the user's own, else the server's), the tokens
// (sealed at rest, never returned by any API), the link's status, and a client wired to persist
// rotated tokens. A refresh Trakt refuses marks the link needs_reauth: the user stays signed in to
// Marquee and their outbox stays queued until they link again.
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { open, seal } from '@/lib/auth/secret-box';
import { readServiceKeys } from '@/lib/auth/service-keys';
import { TraktClient, TraktError, type TraktTokens } from './client';

export type TraktCredentials = { clientId: string; clientSecret: string; source: 'user' | 'server' };
export type LinkStatus = 'ok' | 'needs_reauth' | 'rate_limited' | 'account_limit' | 'locked' | 'unavailable';

export async function credentialsFor(userId: string): Promise<TraktCredentials | null> {
  const own = await readServiceKeys(userId);
  if (own.trakt_client_id && own.trakt_client_secret) return { clientId: own.trakt_client_id, clientSecret: own.trakt_client_secret, source: 'user' };
  const { clientId, clientSecret } = config().trakt;
  return clientId && clientSecret ? { clientId, clientSecret, source: 'server' } : null;
}

export async function requireCredentials(userId: string): Promise<TraktCredentials> {
  const creds = await credentialsFor(userId);
  if (!creds) throw new ApiError('trakt_no_client_credentials', 'No Trakt client credentials: ask an admin to set TRAKT_CLIENT_ID and TRAKT_CLIENT_SECRET, or store your own in Settings → Trakt.');
  return creds;
}

export const traktRedirectUri = () => `${config().publicUrl}/api/v1/trakt/oauth-callback`;

export async function saveLink(userId: string, tokens: TraktTokens, profile?: { username: string; slug: string }) {
  const data = {
    accessTokenEnc: seal(tokens.accessToken, 'trakt.access'),
    refreshTokenEnc: seal(tokens.refreshToken, 'trakt.refresh'),
    expiresAt: tokens.expiresAt,
    status: 'ok',
    statusMessage: null,
    ...(profile ? { traktUsername: profile.username, traktSlug: profile.slug } : {}),
  };
  await db.traktLink.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

export async function setLinkStatus(userId: string, status: LinkStatus, message: string | null) {
  await db.traktLink.updateMany({ where: { userId }, data: { status, statusMessage: message } });
}

/** The link's status after a Trakt error (what Settings and auth-status show). */
export function statusOf(err: TraktError): LinkStatus {
  switch (err.kind) {
    case 'needs_reauth':
      return 'needs_reauth';
    case 'rate_limited':
      return 'rate_limited';
    case 'account_limit':
      return 'account_limit';
    case 'locked':
      return 'locked';
    default:
      return 'unavailable';
  }
}

/** The same failure as an API error, in the old Trakt service's meanings. */
export function apiErrorOf(err: unknown): unknown {
  if (!(err instanceof TraktError)) return err;
  switch (err.kind) {
    case 'needs_reauth':
      return new ApiError('trakt_token_expired', err.message);
    case 'invalid_code':
      return new ApiError('trakt_invalid_code', err.message);
    case 'rate_limited':
      return new ApiError('trakt_rate_limited', err.message, { headers: { 'Retry-After': String(Math.ceil((err.retryAfterMs ?? 1000) / 1000)) } });
    case 'account_limit':
    case 'locked':
      return new ApiError('trakt_refused', err.message);
    default:
      return new ApiError('trakt_unavailable', err.message);
  }
}

/** A client for the user's link; tokens rotated by a refresh are sealed and stored before use. */
export async function linkedClient(userId: string, signal?: AbortSignal): Promise<TraktClient> {
  const link = await db.traktLink.findUnique({ where: { userId } });
  if (!link) throw new ApiError('trakt_not_linked', 'No Trakt token: link Trakt first (Settings → Trakt, or GET /api/v1/trakt/authenticate).');
  const creds = await requireCredentials(userId);
  const accessToken = open(link.accessTokenEnc, 'trakt.access');
  const refreshToken = open(link.refreshTokenEnc, 'trakt.refresh');
  if (!accessToken || !refreshToken) {
    // Sealed under an older AUTH_SECRET: unreadable, so the user must link again.
    await setLinkStatus(userId, 'needs_reauth', 'The server secret changed since Trakt was linked: link Trakt again.');
    throw new ApiError('trakt_token_expired', 'The stored Trakt token cannot be read (the server secret changed): link Trakt again.');
  }
  return new TraktClient({
    baseUrl: config().trakt.baseUrl,
    clientId: creds.clientId,
    clientSecret: creds.clientSecret,
    redirectUri: traktRedirectUri(),
    tokens: { accessToken, refreshToken, expiresAt: link.expiresAt },
    signal,
    onTokens: (t) => saveLink(userId, t),
  });
}

/** An unlinked client with the user's app credentials (code exchange, device flow). */
export async function appClient(userId: string): Promise<TraktClient> {
  const creds = await requireCredentials(userId);
  return new TraktClient({ baseUrl: config().trakt.baseUrl, clientId: creds.clientId, clientSecret: creds.clientSecret, redirectUri: traktRedirectUri() });
}

/**
 * Runs `fn` with the user's client, recording on the link what Trakt said: ok after success,
 * needs_reauth / rate_limited / … after a failure (which is rethrown).
 */
export async function withLinkedClient<T>(userId: string, fn: (c: TraktClient) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const client = await linkedClient(userId, signal);
  try {
    const result = await fn(client);
    await db.traktLink.updateMany({ where: { userId, status: { not: 'ok' } }, data: { status: 'ok', statusMessage: null } });
    return result;
  } catch (err) {
    if (err instanceof TraktError && err.kind !== 'http') await setLinkStatus(userId, statusOf(err), err.message);
    throw err;
  }
}
