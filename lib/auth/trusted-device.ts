// A trusted device: a browser that has signed in to an account before carries a cookie saying so,
// signed with the server's secret (HMAC) so nobody can make one. Login throttling does not slow the
// account's owner down on such a device (lib/auth/login-throttle.ts), so an attacker guessing the
// password from elsewhere cannot lock the owner out. It grants nothing else: the password is still needed.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { config } from '@/lib/config';

export const TRUSTED_DEVICE_COOKIE = 'marquee-device';
export const TRUSTED_DEVICE_TTL_S = 365 * 24 * 3600;

function signature(payload: string): string {
  return createHmac('sha256', config().auth.secret).update(`trusted-device:${payload}`).digest('base64url');
}

/** A fresh cookie value for this user: `v1.<userId>.<deviceId>.<expires (unix s)>.<hmac>`. */
export function signTrustedDevice(userId: string, now = Date.now(), deviceId = randomBytes(12).toString('base64url')): string {
  const payload = `v1.${userId}.${deviceId}.${Math.floor(now / 1000) + TRUSTED_DEVICE_TTL_S}`;
  return `${payload}.${signature(payload)}`;
}

/** The device id when the value is genuine, unexpired and for this user; otherwise null. */
export function verifyTrustedDevice(value: string | null | undefined, userId: string, now = Date.now()): string | null {
  if (!value) return null;
  const parts = value.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') return null;
  const [, forUser, deviceId, expires, sig] = parts;
  const expected = Buffer.from(signature(parts.slice(0, 4).join('.')));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (forUser !== userId || !(Number(expires) * 1000 > now)) return null;
  return deviceId;
}

/** The user the cookie value was made for (unverified: verify with verifyTrustedDevice). */
export function trustedDeviceUser(value: string | null | undefined): string | null {
  const parts = value?.split('.') ?? [];
  return parts.length === 5 ? parts[1] : null;
}

/** Set-Cookie for a new trusted-device cookie. */
export function trustedDeviceSetCookie(value: string): string {
  const secure = config().publicUrl.startsWith('https:') ? '; Secure' : '';
  return `${TRUSTED_DEVICE_COOKIE}=${value}; Path=/; Max-Age=${TRUSTED_DEVICE_TTL_S}; HttpOnly; SameSite=Lax${secure}`;
}

/** The cookie's value in a Cookie header. */
export function trustedDeviceFromCookieHeader(header: string | null | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === TRUSTED_DEVICE_COOKIE) return part.slice(eq + 1).trim();
  }
  return null;
}
