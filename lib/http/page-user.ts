// The signed-in user for server components and pages, from the NextAuth session cookie.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { AuthUser } from './auth-context';
import { findUserById } from '@/lib/auth/reads/user-by-id';
import { SESSION_COOKIES, sessionCookieSubject } from './authenticate';

/** The user id in the session cookie: the cookie is decoded directly, as getServerSession would, minus its callbacks. */
async function sessionUserId(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const raw = jar.get(name)?.value;
    const sub = raw ? await sessionCookieSubject(raw) : null;
    if (sub) return sub;
  }
  return null;
}

export async function getPageUser(): Promise<(AuthUser & { name: string | null }) | null> {
  const id = await sessionUserId();
  if (!id) return null;
  const user = await findUserById(id);
  if (!user || user.disabled) return null;
  return { id: user.id, username: user.username, role: user.role, name: user.name };
}

/** For pages that need a user: the user, or a redirect to the login page. */
export async function requirePageUser(returnTo: string) {
  const user = await getPageUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function requirePageAdmin(returnTo: string) {
  const user = await requirePageUser(returnTo);
  if (user.role !== 'admin') redirect('/');
  return user;
}
