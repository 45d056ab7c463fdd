// Named leases: at most one holder at a time, for work only one worker may do (watching folders).
import { db } from '@/lib/db';

/** Takes or renews the lease; true when `holder` holds it afterwards. */
export async function acquireLease(name: string, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const { count } = await db.lease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] },
    data: { holder, expiresAt },
  });
  if (count === 1) return true;
  try {
    await db.lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') return false;
    throw err;
  }
}

export async function releaseLease(name: string, holder: string): Promise<void> {
  await db.lease.deleteMany({ where: { name, holder } });
}
