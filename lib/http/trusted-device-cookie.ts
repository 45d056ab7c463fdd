// After a browser signs in through NextAuth, mark it as a trusted device of that account
// (lib/auth/trusted-device.ts): NextAuth's answer sets the new session cookie; we add ours beside it.
import { decode } from 'next-auth/jwt';
import { config } from '@/lib/config';
import { signTrustedDevice, trustedDeviceFromCookieHeader, trustedDeviceSetCookie, verifyTrustedDevice } from '@/lib/auth/trusted-device';
import { SESSION_COOKIES } from './authenticate';

/** The user id in a session cookie that this answer sets (a sign-in), or null. */
async function signedInUser(res: Response): Promise<string | null> {
  for (const line of res.headers.getSetCookie()) {
    const eq = line.indexOf('=');
    const name = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).split(';')[0].trim();
    if (!SESSION_COOKIES.includes(name) || !value) continue;
    const jwt = await decode({ token: decodeURIComponent(value), secret: config().auth.secret }).catch(() => null);
    if (jwt?.sub) return jwt.sub;
  }
  return null;
}

/** Only a password sign-in makes a device trusted (not a session refresh, which any cookie holder can do). */
export async function withTrustedDeviceCookie(req: Request, res: Response): Promise<Response> {
  if (req.method !== 'POST' || !new URL(req.url).pathname.endsWith('/callback/credentials')) return res;
  const userId = await signedInUser(res);
  if (!userId) return res;
  if (verifyTrustedDevice(trustedDeviceFromCookieHeader(req.headers.get('cookie')), userId)) return res;
  res.headers.append('set-cookie', trustedDeviceSetCookie(signTrustedDevice(userId)));
  return res;
}
