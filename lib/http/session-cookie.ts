// Clearing the browser's NextAuth session cookie from our own sign-out routes.
import { SESSION_COOKIES } from './authenticate';

/** 204 that also expires the session cookie (its session is already revoked server-side). */
export function signedOutResponse(): Response {
  const headers = new Headers();
  for (const name of SESSION_COOKIES) {
    const secure = name.startsWith('__Secure-') ? '; Secure' : '';
    headers.append('set-cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
  }
  return new Response(null, { status: 204, headers });
}
