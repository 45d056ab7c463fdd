// Username + password check shared by the token API and the browser sign-in, with throttling.
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import type { AuthUser } from '@/lib/http/auth-context';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure, type LoginAttempt } from '@/lib/auth/login-throttle';
import { verifyTrustedDevice } from '@/lib/auth/trusted-device';

export interface LoginSource {
  ip: string;
  /** The trusted-device cookie's value, if the request carried one. */
  trustedDevice?: string | null;
}

export async function verifyCredentials(username: string, password: string, source: LoginSource): Promise<AuthUser> {
  const user = await db.user.findUnique({
    where: { username: username.trim().toLowerCase() },
    omit: { passwordHash: false },
  });
  const deviceId = user ? verifyTrustedDevice(source.trustedDevice, user.id) : null;
  const attempt: LoginAttempt = { username, ip: source.ip, deviceId };
  await assertLoginAllowed(attempt);
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!user || !ok) {
    await recordLoginFailure(attempt);
    throw new ApiError('invalid_credentials', 'Wrong username or password.');
  }
  await clearLoginFailures(attempt);
  if (user.disabled) throw new ApiError('account_disabled', 'This account has been disabled by an admin.');
  if (!user.active) {
    throw new ApiError(
      'account_inactive',
      'This account is not activated yet: open the link in the activation mail we sent to your address. ' +
        'No mail? Ask for a new one on the activation page (/activate), or with POST /api/v1/user/activate/resend {"email"}.',
    );
  }
  return { id: user.id, username: user.username, role: user.role };
}
