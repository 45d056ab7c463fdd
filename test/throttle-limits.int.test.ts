// Issue #17: the throttling limits are configuration. A low limit set in the environment takes effect
// on sign-up, the demo (token and browser), sign-in, activation re-send and password reset, each a 429
// with Retry-After counted per address (and per account or email where the rule says so); a bad value
// stops the start with one clear line.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@/lib/config';
import { CLIENT_IP_HEADER } from '@/lib/http/client-ip';
import { authOptions } from '@/lib/users/next-auth-options';
import { api, signUp } from './api';
import { withEnv } from './config-env';

let admin: Awaited<ReturnType<typeof signUp>>;
let ipCounter = 0;
/** A fresh client address per test, so no test sees another's hits. */
const newIp = () => `198.51.100.${++ipCounter}`;
const from = (ip: string) => ({ [CLIENT_IP_HEADER]: ip });
const retryAfter = (res: { headers: Headers }) => Number(res.headers.get('retry-after'));

beforeAll(async () => {
  admin = await signUp('throttleadmin');
  const settings = await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { registration: 'open', demo: true } });
  expect(settings.status).toBe(200);
});

describe('THROTTLE_* limits', () => {
  it('THROTTLE_REGISTER_PER_IP: the third sign-up from one address within the hour is a 429, another address signs up', async () => {
    await withEnv({ THROTTLE_REGISTER_PER_IP: '2/1h' }, async () => {
      const ip = newIp();
      const register = (name: string, at = ip) =>
        api('POST', '/api/v1/user/register', { headers: from(at), body: { username: name, password: 'correct horse battery' } });
      expect((await register('reg-a')).status).toBe(201);
      // A refused sign-up counts too: every attempt costs a password hash.
      expect((await register('reg-a')).status).toBe(409);
      const limited = await register('reg-c');
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('too_many_requests');
      expect(retryAfter(limited)).toBeGreaterThan(3500);
      expect(retryAfter(limited)).toBeLessThanOrEqual(3600);
      expect((await register('reg-d', newIp())).status).toBe(201);
    });
  });

  it('THROTTLE_DEMO_PER_IP: the demo token and the browser’s "Try the demo" share one count per address', async () => {
    await withEnv({ THROTTLE_DEMO_PER_IP: '2/10m' }, async () => {
      const ip = newIp();
      expect((await api('POST', '/api/v1/auth/demo', { headers: from(ip) })).status).toBe(201);
      // NextAuth keeps a credentials provider's own id and authorize() in its options.
      type Demo = { options: { id: string; authorize: (creds: unknown, req: { headers: Record<string, string> }) => Promise<{ name: string }> } };
      const provider = (authOptions().providers as unknown as Demo[]).find((p) => p.options?.id === 'demo')!;
      expect((await provider.options.authorize({}, { headers: from(ip) })).name).toBe('demo');
      const limited = await api('POST', '/api/v1/auth/demo', { headers: from(ip) });
      expect(limited.status).toBe(429);
      expect(retryAfter(limited)).toBeGreaterThan(590);
      expect(retryAfter(limited)).toBeLessThanOrEqual(600);
      // The sign-in page gets the code, which it turns into a message.
      await expect(provider.options.authorize({}, { headers: from(ip) })).rejects.toThrow('too_many_requests');
      expect((await api('POST', '/api/v1/auth/demo', { headers: from(newIp()) })).status).toBe(201);
    });
  });

  it('THROTTLE_LOGIN_PER_PAIR and THROTTLE_LOGIN_PER_IP take effect through POST /api/v1/auth/session', async () => {
    await withEnv({ THROTTLE_LOGIN_PER_PAIR: '2/1m', THROTTLE_LOGIN_PER_IP: '3/2m' }, async () => {
      const user = await signUp('pairlimit');
      const login = (username: string, password: string, ip: string) =>
        api('POST', '/api/v1/auth/session', { headers: from(ip), body: { username, password } });
      const ip = newIp();
      for (let i = 0; i < 2; i++) expect((await login(user.username, 'wrong-password', ip)).status).toBe(401);
      const pair = await login(user.username, user.password, ip);
      expect(pair.status).toBe(429);
      expect(retryAfter(pair)).toBeGreaterThan(50);
      expect(retryAfter(pair)).toBeLessThanOrEqual(60);
      // The same account from elsewhere is not locked by that pair.
      expect((await login(user.username, user.password, newIp())).status).toBe(201);

      const spray = newIp();
      for (let i = 0; i < 3; i++) expect((await login(`nobody-${i}`, 'wrong-password', spray)).status).toBe(401);
      const sprayed = await login(user.username, user.password, spray);
      expect(sprayed.status).toBe(429);
      expect(sprayed.body.error.message).toMatch(/from this address/);
      expect(retryAfter(sprayed)).toBeGreaterThan(110);
      expect(retryAfter(sprayed)).toBeLessThanOrEqual(120);
    });
  });

  it('THROTTLE_LOGIN_PER_ACCOUNT and THROTTLE_LOGIN_MAX_DELAY: an account failing from many addresses waits, at most the cap', async () => {
    await withEnv({ THROTTLE_LOGIN_PER_ACCOUNT: '3/15m', THROTTLE_LOGIN_MAX_DELAY: '5s' }, async () => {
      const user = await signUp('acctlimit');
      const login = (password: string, ip: string) => api('POST', '/api/v1/auth/session', { headers: from(ip), body: { username: user.username, password } });
      for (let i = 0; i < 10; i++) expect([401, 429]).toContain((await login('wrong-password', newIp())).status);
      const slowed = await login(user.password, newIp());
      expect(slowed.status).toBe(429);
      expect(slowed.body.error.message).toMatch(/each attempt waits/);
      expect(retryAfter(slowed)).toBeGreaterThanOrEqual(1);
      expect(retryAfter(slowed)).toBeLessThanOrEqual(5);
    });
  });

  it('THROTTLE_PASSWORD_RESET_PER_EMAIL and THROTTLE_ACTIVATION_RESEND_PER_IP take effect', async () => {
    await withEnv({ THROTTLE_PASSWORD_RESET_PER_EMAIL: '1/30s', THROTTLE_ACTIVATION_RESEND_PER_IP: '1/5m' }, async () => {
      const reset = (ip: string) => api('POST', '/api/v1/user/password-reset', { headers: from(ip), body: { email: 'someone@example.org' } });
      expect((await reset(newIp())).status).toBe(202);
      const limited = await reset(newIp());
      expect(limited.status).toBe(429);
      expect(retryAfter(limited)).toBeGreaterThan(25);
      expect(retryAfter(limited)).toBeLessThanOrEqual(30);

      const ip = newIp();
      const resend = (email: string) => api('POST', '/api/v1/user/activate/resend', { headers: from(ip), body: { email } });
      expect((await resend('one@example.org')).status).toBe(202);
      const perIp = await resend('two@example.org');
      expect(perIp.status).toBe(429);
      expect(retryAfter(perIp)).toBeGreaterThan(290);
      expect(retryAfter(perIp)).toBeLessThanOrEqual(300);
    });
  });

  it('defaults to today’s limits', () => {
    const t = parseConfig({ AUTH_SECRET: 'x'.repeat(32), DATA_DIR: '/tmp/marquee-throttle-test' }).throttle;
    const m = 60_000;
    expect(t).toEqual({
      login: { perPair: { max: 5, windowMs: 15 * m }, perIp: { max: 40, windowMs: 15 * m }, perAccount: { max: 10, windowMs: 15 * m }, perDevice: { max: 5, windowMs: 15 * m }, maxDelayMs: 60_000 },
      register: { perIp: { max: 10, windowMs: 60 * m } },
      demo: { perIp: { max: 30, windowMs: 60 * m } },
      activationResend: { perIp: { max: 10, windowMs: 15 * m }, perEmail: { max: 3, windowMs: 60 * m } },
      passwordReset: { perIp: { max: 10, windowMs: 15 * m }, perEmail: { max: 3, windowMs: 60 * m } },
    });
  });

  it.each([
    ['THROTTLE_LOGIN_PER_IP', '40 per 15m', /THROTTLE_LOGIN_PER_IP \("40 per 15m" is not <count>\/<window>/],
    ['THROTTLE_LOGIN_PER_IP', '40/15', /is not <count>\/<window>/],
    ['THROTTLE_REGISTER_PER_IP', '0/1h', /THROTTLE_REGISTER_PER_IP \("0\/1h": the count must be at least 1\)/],
    ['THROTTLE_DEMO_PER_IP', '5/0s', /the window must be at least 1s/],
    ['THROTTLE_PASSWORD_RESET_PER_EMAIL', '3/2d', /the window can be at most 1d/],
    ['THROTTLE_ACTIVATION_RESEND_PER_IP', '3/1w', /is not <count>\/<window>/],
    ['THROTTLE_LOGIN_MAX_DELAY', '60', /THROTTLE_LOGIN_MAX_DELAY \("60" is not a duration from 1s to 1d/],
  ])('refuses %s=%s, naming the variable and what is wrong', (key, value, message) => {
    const parse = () => parseConfig({ AUTH_SECRET: 'x'.repeat(32), DATA_DIR: '/tmp/marquee-throttle-test', [key]: value });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(message);
  });

  it('stops `npm start` with one line naming every bad limit', () => {
    const root = join(import.meta.dirname, '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/start.ts')], {
      cwd: root,
      env: { ...process.env, THROTTLE_LOGIN_PER_IP: 'forty', THROTTLE_DEMO_PER_IP: '0/1h' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n').filter((l) => l.includes('[marquee]'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[marquee\] Invalid configuration: .*THROTTLE_LOGIN_PER_IP \("forty" is not <count>\/<window>.*THROTTLE_DEMO_PER_IP \("0\/1h": the count must be at least 1\)/);
  }, 40_000);
});
