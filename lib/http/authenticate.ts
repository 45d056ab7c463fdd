// Resolves who is calling: a Bearer session token, a Bearer API key, or the browser's NextAuth cookie.
// The cookie is a JWT that names a server-side session row (its `sid`): it stops working as soon as
// that row is revoked (sign-out, sign out everywhere, a password change elsewhere, a disabled account).
// A cookie-authenticated write must also pass the CSRF check (./csrf.ts): one place for both.
import { decode } from 'next-auth/jwt';
import { config } from '@/lib/config';
import { findApiKey } from '@/lib/auth/api-keys';
import { touchSession } from '@/lib/auth/api-sessions';
import { findLiveSession } from '@/lib/auth/reads/live-session';
import { findUserById } from '@/lib/auth/reads/user-by-id';
import { TOKEN_PREFIX } from '@/lib/auth/secret-token';
import { ApiError } from '@/lib/errors/api-error';
import type { AuthContext, AuthUser } from './auth-context';
import { assertCookieWriteAllowed } from './csrf';

export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];
/**
 * The cookie POST /tvtime/login sets: a revocable session token (the same ApiSession a Bearer sign-in
 * gets), for TV Time's clients, which keep a cookie. It is `Path=/tvtime; SameSite=Strict; HttpOnly`:
 * browsers send it only to /tvtime routes and never on a request another site starts, so it carries
 * no cross-site request forgery risk and counts as a session token, not as the browser's cookie.
 */
export const TVTIME_SESSION_COOKIE = 'marquee_tvtime_session';

function bearer(req: Request): string | null {
  const header = req.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new ApiError('unauthorized', 'The Authorization header must be "Bearer <token>".');
  return match[1];
}

function cookieValue(req: Request, name: string): string | null {
  const header = req.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

type UserRow = { id: string; username: string; role: AuthUser['role']; disabled: boolean; demo: boolean };

function activeUser(user: UserRow | null): AuthUser | null {
  if (!user) return null;
  if (user.disabled) throw new ApiError('account_disabled', 'This account has been disabled by an admin.');
  return { id: user.id, username: user.username, role: user.role, demo: user.demo };
}

async function loadUser(id: string): Promise<AuthUser | null> {
  const user = await findUserById(id);
  return user && activeUser(user);
}

const invalidToken = () => new ApiError('unauthorized', 'The token is invalid, expired or revoked.');

/** A personal API key in the query (`?key=`), for routes that take one there (webhooks). */
function queryKey(req: Request): string | null {
  const key = new URL(req.url).searchParams.get('key');
  if (key === null) return null;
  if (!key.startsWith(TOKEN_PREFIX.key)) throw invalidToken();
  return key;
}

/** Returns the caller, null when no credentials were sent; throws 401 for bad credentials. */
export async function authenticate(req: Request, opts: { keyInQuery?: boolean } = {}): Promise<AuthContext | null> {
  const token = bearer(req) ?? (opts.keyInQuery ? queryKey(req) : null);
  if (token) {
    if (token.startsWith(TOKEN_PREFIX.key)) {
      const key = await findApiKey(token);
      const user = key && (await loadUser(key.userId));
      if (!key || !user) throw invalidToken();
      return { user, via: 'key', scope: key.scope };
    }
    // A browser session id is only valid inside its cookie.
    const session = token.startsWith(TOKEN_PREFIX.browserSession) ? null : await findLiveSession(token);
    const user = session && activeUser(session.user);
    if (!session || !user) throw invalidToken();
    await touchSession(session.id, session.lastUsedAt);
    return { user, via: 'session', sessionId: session.id, scope: 'full' };
  }
  const tvtime = cookieValue(req, TVTIME_SESSION_COOKIE);
  if (tvtime) {
    // SameSite=Strict keeps it out of cross-site requests; a browser session id does not belong in it.
    const session = tvtime.startsWith(TOKEN_PREFIX.browserSession) ? null : await findLiveSession(tvtime);
    const user = session && activeUser(session.user);
    // A signed-out or expired TV Time cookie is no credential; the browser's own cookie may still be.
    if (session && user) return { user, via: 'session', sessionId: session.id, scope: 'full' };
  }
  for (const name of SESSION_COOKIES) {
    const raw = cookieValue(req, name);
    const session = raw ? await cookieSession(raw) : null;
    if (session) {
      assertCookieWriteAllowed(req);
      return { user: session.user, via: 'cookie', sessionId: session.id, scope: 'full' };
    }
  }
  return null;
}

/** What a NextAuth session cookie carries: the user id, and the id of its server-side session. */
async function decodeSessionCookie(raw: string): Promise<{ sub: string; sid: string } | null> {
  const jwt = await decode({ token: raw, secret: config().auth.secret }).catch(() => null);
  const sid = jwt?.sid;
  if (!jwt?.sub || typeof sid !== 'string') return null;
  return { sub: jwt.sub, sid };
}

/**
 * The live session behind a NextAuth cookie's value, with its user; null when the cookie does not
 * decode, has expired, carries no session id (a cookie from before sessions were revocable), or its
 * session was revoked. Throws account_disabled for a disabled user.
 */
export async function cookieSession(raw: string): Promise<{ id: string; user: AuthUser } | null> {
  const claims = await decodeSessionCookie(raw);
  if (!claims || !claims.sid.startsWith(TOKEN_PREFIX.browserSession)) return null;
  const session = await findLiveSession(claims.sid);
  if (!session || session.user.id !== claims.sub) return null;
  const user = activeUser(session.user);
  if (!user) return null;
  await touchSession(session.id, session.lastUsedAt);
  return { id: session.id, user };
}
