// The signed-in user for server components and pages, from the NextAuth session cookie — checked
// against its server-side session like an API request, so a revoked cookie signs a page out too.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { AuthUser } from './auth-context';
import { findUserById } from '@/lib/auth/reads/user-by-id';
import { ApiError } from '@/lib/errors/api-error';
import { SESSION_COOKIES, cookieSession } from './authenticate';

/** The user id of the cookie's live session: the cookie is decoded directly, as getServerSession would, minus its callbacks. */
async function sessionUserId(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const raw = jar.get(name)?.value;
    const session = raw ? await cookieSession(raw).catch((err: unknown) => (err instanceof ApiError ? null : Promise.reject(err))) : null;
    if (session) return session.user.id;
  }
  return null;
}

export async function getPageUser(): Promise<(AuthUser & { name: string | null; avatar: string | null }) | null> {
  const id = await sessionUserId();
  if (!id) return null;
  const user = await findUserById(id);
  if (!user || user.disabled) return null;
  return { id: user.id, username: user.username, role: user.role, name: user.name, avatar: user.avatar };
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
