// NextAuth for the browser: username and password, and "Sign in with Trakt" when a Trakt app is configured.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { createBrowserSession, revokeSessionToken } from '@/lib/auth/api-sessions';
import { trustedDeviceFromCookieHeader } from '@/lib/auth/trusted-device';
import { config } from '@/lib/config';
import { ApiError } from '@/lib/errors/api-error';
import { CLIENT_IP_HEADER } from '@/lib/http/client-ip';
import { demoSignIn } from '@/lib/users/demo';
import { verifyCredentials } from '@/lib/users/verify-credentials';
import { accountForTraktSignIn, traktProvider, type TraktProfile } from '@/lib/users/trakt-sign-in';

const credentials = CredentialsProvider({
  id: 'credentials',
  name: 'Username and password',
  credentials: { username: { label: 'Username', type: 'text' }, password: { label: 'Password', type: 'password' } },
  async authorize(creds, req) {
    if (!creds?.username || !creds.password) return null;
    try {
      const headers = req.headers ?? {};
      const user = await verifyCredentials(creds.username, creds.password, {
        ip: String(headers[CLIENT_IP_HEADER] ?? 'unknown'),
        trustedDevice: trustedDeviceFromCookieHeader(typeof headers.cookie === 'string' ? headers.cookie : null),
      });
      // The cookie carries this id; the row behind it is what sign-out and "sign out everywhere" revoke.
      const sid = await createBrowserSession(user.id, String(req.headers?.['user-agent'] ?? '') || null);
      return { id: user.id, name: user.username, role: user.role, sid };
    } catch (err) {
      // The code reaches the login page as ?error=<code>, which it turns into a message.
      if (err instanceof ApiError) throw new Error(err.code, { cause: err });
      throw err;
    }
  },
});

// "Try the demo" on the sign-in page: the read-only demo account, no password (only while an admin has the demo on).
const demo = CredentialsProvider({
  id: 'demo',
  name: 'Demo',
  credentials: {},
  async authorize(_creds, req) {
    try {
      const user = await demoSignIn(String(req.headers?.[CLIENT_IP_HEADER] ?? 'unknown'));
      return { id: user.id, name: user.username, role: user.role };
    } catch (err) {
      if (err instanceof ApiError) throw new Error(err.code, { cause: err });
      throw err;
    }
  },
});

export function authOptions(): NextAuthOptions {
  const trakt = traktProvider();
  return {
    secret: config().auth.secret,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
    pages: { signIn: '/login', error: '/login' },
    providers: trakt ? [credentials, demo, trakt] : [credentials, demo],
    events: {
      // NextAuth's sign-out clears the cookie; revoking its session also ends any copy of it.
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await revokeSessionToken(token.sid);
      },
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== 'trakt') return true;
        try {
          const marquee = await accountForTraktSignIn(profile as unknown as TraktProfile, account);
          // The session is the Marquee account's, not the Trakt profile's (jwt() below takes user.id).
          Object.assign(user, marquee);
          return true;
        } catch (err) {
          if (err instanceof ApiError) return `/login?error=${encodeURIComponent(err.code)}`;
          throw err;
        }
      },
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          // Every sign-in gets a server-side session: the password sign-in made one in authorize()
          // (with the user agent); a Trakt sign-in gets one here.
          token.sid = (user as { sid?: string }).sid ?? (await createBrowserSession(user.id, null));
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
