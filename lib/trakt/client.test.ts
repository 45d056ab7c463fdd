// The Trakt client against the fake Trakt (test/fakes/trakt-server.ts): headers, OAuth, rate limits,
// typed errors and the one refresh on a 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TRAKT_CLIENT_ID, FAKE_TRAKT_CLIENT_SECRET, type FakeTrakt, startFakeTrakt } from '@/test/fakes/trakt-server';
import { TraktClient, TraktError, type TraktTokens } from './client';

let fake: FakeTrakt;
const redirectUri = 'http://marquee.test/api/v1/trakt/oauth-callback';

beforeAll(async () => {
  fake = await startFakeTrakt();
});
afterAll(() => fake.stop());

const client = (tokens: TraktTokens | null = null, extra: Partial<ConstructorParameters<typeof TraktClient>[0]> = {}) =>
  new TraktClient({ baseUrl: fake.url, clientId: FAKE_TRAKT_CLIENT_ID, clientSecret: FAKE_TRAKT_CLIENT_SECRET, redirectUri, tokens, ...extra });

/** Walks the fake's authorize page as a browser would and returns the code it redirects with. */
async function authorize(state: string): Promise<string> {
  const url = TraktClient.authorizeUrl(fake.url, FAKE_TRAKT_CLIENT_ID, redirectUri, state);
  expect((await fetch(url)).status).toBe(200);
  const res = await fetch(url, { method: 'POST', redirect: 'manual' });
  const to = new URL(res.headers.get('location')!);
  expect(to.searchParams.get('state')).toBe(state);
  return to.searchParams.get('code')!;
}

async function linked(user = 'alice'): Promise<TraktTokens> {
  fake.authorizeAs = user;
  return client().exchangeCode(await authorize('s1'));
}

describe('Trakt client', () => {
  it('exchanges a code once; a reused code is invalid_code', async () => {
    const code = await authorize('abc');
    const tokens = await client().exchangeCode(code);
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    await expect(client().exchangeCode(code)).rejects.toMatchObject({ kind: 'invalid_code' });
    const me = await client(tokens).get<{ user: { username: string } }>('/users/settings');
    expect(me.user.username).toBe('alice');
  });

  it('refreshes once on a 401, rotating both tokens, and reports them', async () => {
    const tokens = await linked();
    fake.expireAccessTokens();
    const seen: TraktTokens[] = [];
    const c = client(tokens, { onTokens: async (t) => void seen.push(t) });
    await c.get('/sync/last_activities');
    expect(seen).toHaveLength(1);
    expect(seen[0].refreshToken).not.toBe(tokens.refreshToken);
    // The old refresh token is spent.
    await expect(client(tokens).refresh()).rejects.toMatchObject({ kind: 'needs_reauth' });
  });

  it('a refused refresh is needs_reauth', async () => {
    const tokens = await linked();
    fake.expireAccessTokens();
    fake.revokeRefreshTokens();
    await expect(client(tokens).get('/sync/last_activities')).rejects.toMatchObject({ kind: 'needs_reauth' });
  });

  it('waits out a 429 storm as Retry-After says, then succeeds', async () => {
    const tokens = await linked();
    fake.storm(2);
    const c = client(tokens);
    const started = Date.now();
    await c.get('/sync/last_activities');
    expect(c.requests).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it('gives up with rate_limited when the storm outlasts its retries', async () => {
    const tokens = await linked();
    fake.storm(3);
    await expect(client(tokens, { maxRateRetries: 1 }).get('/sync/last_activities')).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 1000 });
    fake.storm(0);
  });

  it('420, 423 and a down server are typed errors', async () => {
    const tokens = await linked('carol');
    fake.user('carol').accountLimited = true;
    await expect(client(tokens).post('/sync/history', { movies: [] })).rejects.toMatchObject({ kind: 'account_limit', status: 420 });
    fake.user('carol').locked = true;
    await expect(client(tokens).get('/sync/last_activities')).rejects.toMatchObject({ kind: 'locked', status: 423 });
    fake.down = true;
    const err = await client(tokens).get('/sync/last_activities').catch((e: unknown) => e);
    fake.down = false;
    expect(err).toBeInstanceOf(TraktError);
    expect(err).toMatchObject({ kind: 'unavailable' });
  });

  it('reads every page of a paged list', async () => {
    const tokens = await linked('dave');
    const m = fake.addMovie('Paged', 2001, { tmdb: 501 });
    for (let i = 0; i < 25; i++) fake.addPlay('dave', 'movie', m.ids.trakt, new Date(Date.UTC(2020, 0, 1 + i)).toISOString());
    const c = client(tokens);
    const plays = await c.getAllPages('/sync/history/movies', 10);
    expect(plays).toHaveLength(25);
    expect(c.requests).toBe(3);
  });

  it('device code: pending until approved, then tokens', async () => {
    fake.authorizeAs = 'erin';
    const c = client();
    const code = await c.deviceCode();
    expect(code.interval).toBeGreaterThan(0);
    expect(await c.deviceToken(code.device_code)).toBe('pending');
    fake.approveDevice(code.user_code);
    await new Promise((r) => setTimeout(r, code.interval * 1000)); // poll at the interval Trakt gives
    const tokens = await c.deviceToken(code.device_code);
    expect(tokens).toMatchObject({ accessToken: expect.any(String) });
    expect(await c.deviceToken('nope')).toBe('invalid');
  });
});
