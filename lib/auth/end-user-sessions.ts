// "Sign this user out everywhere": the one place that ends every session of an account (after a
// password reset). Bearer tokens and browser sign-ins are both ApiSession rows (a browser cookie
// carries its row's id), so revoking the rows ends both.
import { db } from '@/lib/db';

export async function endAllSessionsOf(userId: string): Promise<void> {
  await db.apiSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}
