// "Sign this user out everywhere": the one place that ends every session of an account (after a
// password reset). Today that is the Bearer sessions; browser sessions join here once they are
// revocable server-side.
import { db } from '@/lib/db';

export async function endAllSessionsOf(userId: string): Promise<void> {
  await db.apiSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}
