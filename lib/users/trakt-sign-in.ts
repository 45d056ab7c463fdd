// "Sign in with Trakt": NextAuth's OAuth provider for Trakt (offered only when the server has a
// Trakt app configured) and what a sign-in does — the Marquee account already linked with that Trakt
// account signs in (its link gets the fresh tokens); otherwise a new account is made, under the
// server's sign-up rules (closed sign-up refuses it), and linked.
import { randomBytes } from 'node:crypto';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { saveLink } from '@/lib/trakt/link';
import { registerUser } from './register-user';

export type TraktProfile = { user: { username: string; name?: string | null; ids: { slug: string } }; name?: string | null };

/** Whether the login page offers "Sign in with Trakt" (the server has a Trakt app). */
export function traktSignInOffered(): boolean {
  const { clientId, clientSecret } = config().trakt;
  return Boolean(clientId && clientSecret);
}

export function traktProvider(): OAuthConfig<TraktProfile> | null {
  const { clientId, clientSecret, baseUrl, authUrl } = config().trakt;
  if (!clientId || !clientSecret) return null;
  const headers = { 'content-type': 'application/json', 'trakt-api-version': '2', 'trakt-api-key': clientId };
  return {
    id: 'trakt',
    name: 'Trakt',
    type: 'oauth',
    checks: ['state'],
    clientId,
    clientSecret,
    // Trakt takes the client's id and secret in the token request's body (docs.trakt.tv/reference/postoauthtoken).
    client: { token_endpoint_auth_method: 'client_secret_post' },
    authorization: { url: `${authUrl}/oauth/authorize`, params: { response_type: 'code', scope: '' } },
    token: `${baseUrl}/oauth/token`,
    userinfo: {
      url: `${baseUrl}/users/settings`,
      async request({ tokens }) {
        const res = await fetch(`${baseUrl}/users/settings`, { headers: { ...headers, authorization: `Bearer ${tokens.access_token}` } });
        if (!res.ok) throw new Error(`Trakt answered ${res.status} to /users/settings`);
        const body = (await res.json()) as TraktProfile;
        return { ...body, name: body.user.username };
      },
    },
    profile: (p) => ({ id: p.user.ids.slug, name: p.user.username }),
  };
}

function usernameFrom(traktName: string, attempt: number): string {
  const base = traktName.replace(/[^A-Za-z0-9._-]+/g, '').slice(0, 24).toLowerCase().padEnd(3, '_');
  return attempt === 0 ? base : `${base}-${randomBytes(3).toString('hex')}`;
}

/** The Marquee account for a Trakt sign-in: the linked one, or a new one linked now. */
export async function accountForTraktSignIn(profile: TraktProfile, tokens: { access_token?: string; refresh_token?: string; expires_at?: number }) {
  const slug = profile.user.ids.slug;
  const save = (userId: string) =>
    tokens.access_token && tokens.refresh_token
      ? saveLink(userId, { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, expiresAt: new Date((tokens.expires_at ?? Math.floor(Date.now() / 1000) + 86400) * 1000) }, { username: profile.user.username, slug })
      : Promise.resolve();
  const linked = await db.traktLink.findFirst({ where: { traktSlug: slug }, orderBy: { createdAt: 'asc' }, select: { userId: true, user: { select: { disabled: true, username: true, role: true } } } });
  if (linked) {
    if (linked.user.disabled) throw new ApiError('account_disabled', 'This account has been disabled by an admin.');
    await save(linked.userId);
    return { id: linked.userId, name: linked.user.username, role: linked.user.role };
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // A password nobody knows: the account signs in with Trakt (the user may set one later via an admin reset).
      const user = await registerUser({ username: usernameFrom(profile.user.username, attempt), password: randomBytes(24).toString('base64url') });
      await save(user.id);
      return { id: user.id, name: user.username, role: user.role };
    } catch (err) {
      if (err instanceof ApiError && err.code === 'username_taken') continue;
      throw err;
    }
  }
  throw new ApiError('username_taken', 'Could not find a free username for this Trakt account.');
}
