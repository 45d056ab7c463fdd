import { describe, expect, it } from 'vitest';
import { withEnv } from '@/test/config-env';
import { signTrustedDevice, trustedDeviceFromCookieHeader, TRUSTED_DEVICE_TTL_S, verifyTrustedDevice } from './trusted-device';

describe('trusted-device cookie', () => {
  it('verifies for its own user until it expires, and not when tampered with', () =>
    withEnv({ AUTH_SECRET: 'a-test-secret-of-at-least-32-characters!' }, async () => {
    const now = Date.UTC(2026, 0, 1);
    const value = signTrustedDevice('user1', now, 'device1');
    expect(verifyTrustedDevice(value, 'user1', now + 1000)).toBe('device1');
    expect(verifyTrustedDevice(value, 'user2', now)).toBeNull();
    expect(verifyTrustedDevice(value, 'user1', now + TRUSTED_DEVICE_TTL_S * 1000 + 1)).toBeNull();
    expect(verifyTrustedDevice(value.replace('user1', 'user2'), 'user2', now)).toBeNull();
    expect(verifyTrustedDevice(value.slice(0, -2) + 'xx', 'user1', now)).toBeNull();
    expect(verifyTrustedDevice('garbage', 'user1', now)).toBeNull();
    expect(verifyTrustedDevice(null, 'user1', now)).toBeNull();
    expect(trustedDeviceFromCookieHeader(`a=b; marquee-device=${value}; c=d`)).toBe(value);
    }));
});
