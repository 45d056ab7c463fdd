// Issue #14, item 9, through the sign-in route: a per-address cap across usernames, an account-level
// slow-down of seconds, and a trusted device that the owner signs in from whatever others did.
import { beforeAll, describe, expect, it } from 'vitest';
import { signTrustedDevice, TRUSTED_DEVICE_COOKIE } from '@/lib/auth/trusted-device';
import { api, signUp } from './api';

let owner: Awaited<ReturnType<typeof signUp>>;

const login = (username: string, password: string, ip: string, cookie?: string) =>
  api('POST', '/api/v1/auth/session', { headers: { 'x-marquee-client-ip': ip }, cookie, body: { username, password } });

beforeAll(async () => {
  owner = await signUp('owner');
  expect((await api('PATCH', '/api/v1/admin/settings', { token: owner.token, body: { registration: 'open' } })).status).toBe(200);
});

describe('sign-in throttling through POST /api/v1/auth/session', () => {
  it('answers 429 with Retry-After once one address has failed on 40 usernames', async () => {
    const ip = '10.40.0.1';
    for (let i = 0; i < 40; i++) expect((await login(`nobody${i}`, 'wrong-password', ip)).status).toBe(401);
    const capped = await login(owner.username, owner.password, ip);
    expect(capped.status).toBe(429);
    expect(capped.body.error.code).toBe('too_many_requests');
    expect(Number(capped.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await login(owner.username, owner.password, '10.40.0.2')).status).toBe(201);
  });

  it('slows an account attacked from many addresses by seconds, not 15 minutes, and spares a trusted device', async () => {
    for (let i = 0; i < 12; i++) {
      const r = await login(owner.username, 'wrong-password', `172.16.0.${i}`);
      expect([401, 429]).toContain(r.status);
    }
    const slowed = await login(owner.username, owner.password, '172.16.1.1');
    expect(slowed.status).toBe(429);
    const wait = Number(slowed.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    // The owner's browser, which signed in before, is not held back — even from a locked address.
    const device = `${TRUSTED_DEVICE_COOKIE}=${signTrustedDevice(owner.id)}`;
    expect((await login(owner.username, owner.password, '172.16.0.1', device)).status).toBe(201);
    // A device cookie made for someone else, or forged, counts for nothing.
    const forged = `${TRUSTED_DEVICE_COOKIE}=${signTrustedDevice('someone-else')}`;
    expect((await login(owner.username, owner.password, '172.16.1.1', forged)).status).toBe(429);
  });

  it('a locked username+address pair does not lock the owner out on a trusted device', async () => {
    const u = await signUp('pairlocked');
    const ip = '10.9.9.9';
    for (let i = 0; i < 5; i++) expect((await login(u.username, 'wrong-password', ip)).status).toBe(401);
    const locked = await login(u.username, u.password, ip);
    expect(locked.status).toBe(429);
    const device = `${TRUSTED_DEVICE_COOKIE}=${signTrustedDevice(u.id)}`;
    expect((await login(u.username, u.password, ip, device)).status).toBe(201);
  });
});
