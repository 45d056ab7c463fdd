// Who may upload videos: admins, and users an admin allowed (User.canUpload).
import { db } from '@/lib/db';

export async function mayUpload(user: { id: string; role: 'admin' | 'user' }): Promise<boolean> {
  if (user.role === 'admin') return true;
  const row = await db.user.findUnique({ where: { id: user.id }, select: { canUpload: true } });
  return row?.canUpload ?? false;
}
