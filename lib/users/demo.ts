// The demo login (admin setting "demo"): one shared, read-only account that signs in without a
// password, made on first use. lib/http's route wrapper refuses its writes (demo_read_only).
import { takeThrottledHit } from '@/lib/auth/request-throttle';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import type { AuthUser } from '@/lib/http/auth-context';
import { getSetting } from '@/lib/settings/settings';
import { NO_PASSWORD } from './user-view';

const DEMO_USERNAME = 'demo';

/** A demo sign-in from a client: throttled per client address (THROTTLE_DEMO_PER_IP), each one a new session. */
export async function demoSignIn(ip: string): Promise<AuthUser> {
  await takeThrottledHit([{ key: `demo:ip:${ip}`, ...config().throttle.demo.perIp }]);
  return demoUser();
}

/** The demo account, made on first use; demo_disabled (404) while the admin has not turned it on. */
export async function demoUser(): Promise<AuthUser> {
  if (!(await getSetting('demo'))) {
    throw new ApiError('demo_disabled', 'The demo is turned off on this server. Sign in with your account instead.');
  }
  const existing = await db.user.findFirst({ where: { demo: true }, orderBy: { createdAt: 'asc' } });
  const user = existing ?? (await createDemoUser());
  if (user.disabled) throw new ApiError('account_disabled', 'The demo account has been disabled by an admin.');
  return { id: user.id, username: user.username, role: 'user', demo: true };
}

async function createDemoUser() {
  // A real account may already be called "demo": then the demo account gets a suffix.
  for (const username of [DEMO_USERNAME, `${DEMO_USERNAME}-${Math.random().toString(36).slice(2, 8)}`]) {
    try {
      return await db.user.create({ data: { username, name: 'Demo', passwordHash: NO_PASSWORD, role: 'user', demo: true } });
    } catch (err) {
      if ((err as { code?: string }).code !== 'P2002') throw err;
      // Two first uses at once: the other one made it.
      const made = await db.user.findFirst({ where: { demo: true } });
      if (made) return made;
    }
  }
  throw new ApiError('conflict', 'Could not create the demo account; try again.');
}
