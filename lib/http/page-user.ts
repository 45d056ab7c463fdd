// The signed-in user for server components and pages, from the NextAuth session cookie.
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { authOptions } from '@/lib/auth/next-auth-options';
import type { AuthUser } from './auth-context';

export async function getPageUser(): Promise<(AuthUser & { name: string | null }) | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, username: true, role: true, name: true, disabled: true } });
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
