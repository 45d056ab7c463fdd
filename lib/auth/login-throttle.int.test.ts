// The login throttle's rules, on a real database with an injected clock.
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/errors/api-error';
import { accountDelayMs, assertLoginAllowed, recordLoginFailure, clearLoginFailures, type LoginAttempt } from './login-throttle';

const T0 = Date.UTC(2026, 0, 1, 12);
const s = (n: number) => n * 1000;

async function refusal(a: LoginAttempt, now: number): Promise<ApiError | null> {
  return assertLoginAllowed(a, now).then(
    () => null,
    (err: unknown) => (err instanceof ApiError ? err : Promise.reject(err)),
  );
}
const retryAfter = (err: ApiError | null) => Number(err?.headers?.['Retry-After']);

describe('login throttle', () => {
  it('locks a username+address pair after 5 failures until the oldest leaves the 15-minute window', async () => {
    const a = { username: 'Pair', ip: '10.0.0.1' };
    for (let i = 0; i < 5; i++) await recordLoginFailure(a, T0 + s(i));
    const locked = await refusal(a, T0 + s(10));
    expect(locked?.status).toBe(429);
    expect(retryAfter(locked)).toBe(900 - 10);
    expect(await refusal({ username: 'pair', ip: '10.0.0.2' }, T0 + s(10))).toBeNull();
    expect(await refusal(a, T0 + s(901))).toBeNull();
    await clearLoginFailures(a);
  });

  it('stops one address after failures on 40 usernames, whatever the username', async () => {
    const ip = '192.0.2.40';
    for (let i = 0; i < 39; i++) await recordLoginFailure({ username: `spray${i}`, ip }, T0 + s(i));
    expect(await refusal({ username: 'next', ip }, T0 + s(60))).toBeNull();
    await recordLoginFailure({ username: 'spray39', ip }, T0 + s(61));
    const capped = await refusal({ username: 'someone-new', ip }, T0 + s(62));
    expect(capped?.status).toBe(429);
    expect(capped?.message).toMatch(/from this address/);
    expect(retryAfter(capped)).toBe(900 - 62);
    // Another address is not affected; and the cap lifts as failures age out.
    expect(await refusal({ username: 'someone-new', ip: '192.0.2.41' }, T0 + s(62))).toBeNull();
    expect(await refusal({ username: 'someone-new', ip }, T0 + s(901))).toBeNull();
  });

  it('slows an account attacked from many addresses with a doubling delay of seconds, capped at a minute', async () => {
    expect([9, 10, 11, 12, 15, 16, 30].map(accountDelayMs)).toEqual([0, 1000, 2000, 4000, 32000, 60000, 60000]);
    const username = 'victim';
    for (let i = 0; i < 10; i++) await recordLoginFailure({ username, ip: `198.51.100.${i}` }, T0 + s(i));
    // The 10th failure was at T0+9 s: the next attempt, from anywhere, waits 1 s.
    const early = await refusal({ username, ip: '203.0.113.1' }, T0 + s(9) + 200);
    expect(early?.status).toBe(429);
    expect(retryAfter(early)).toBe(1);
    expect(await refusal({ username, ip: '203.0.113.1' }, T0 + s(10))).toBeNull();
    for (let i = 10; i < 20; i++) await recordLoginFailure({ username, ip: `198.51.100.${i}` }, T0 + s(10 + i));
    const capped = await refusal({ username, ip: '203.0.113.1' }, T0 + s(30));
    expect(retryAfter(capped)).toBe(59);
    expect(await refusal({ username, ip: '203.0.113.1' }, T0 + s(89))).toBeNull();
  });

  it('spares a trusted device: only its own failures count', async () => {
    const username = 'owner';
    const ip = '198.18.0.1';
    for (let i = 0; i < 5; i++) await recordLoginFailure({ username, ip }, T0 + s(i));
    for (let i = 0; i < 20; i++) await recordLoginFailure({ username, ip: `198.18.1.${i}` }, T0 + s(i));
    for (let i = 0; i < 40; i++) await recordLoginFailure({ username: `other${i}`, ip }, T0 + s(i));
    // The owner's pair, the account and the address are all held back ...
    expect((await refusal({ username, ip }, T0 + s(30)))?.status).toBe(429);
    // ... but not the owner's trusted device on that same address.
    const device = { username, ip, deviceId: 'dev1' };
    expect(await refusal(device, T0 + s(30))).toBeNull();
    // A stolen device cookie still cannot guess freely: 5 failures lock that device.
    for (let i = 0; i < 5; i++) await recordLoginFailure(device, T0 + s(31 + i));
    expect((await refusal(device, T0 + s(40)))?.status).toBe(429);
    expect(await refusal({ ...device, deviceId: 'dev2' }, T0 + s(40))).toBeNull();
  });
});
