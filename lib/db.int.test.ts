import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';

describe('database', () => {
  it('round-trips a user and hides the password hash by default', async () => {
    const u = await db.user.create({ data: { username: 'alice', passwordHash: 'x', role: 'admin' } });
    expect(u).not.toHaveProperty('passwordHash');
    const withHash = await db.user.findUnique({ where: { id: u.id }, omit: { passwordHash: false } });
    expect(withHash?.passwordHash).toBe('x');
    await db.setting.create({ data: { key: 'k', value: { a: 1 } } });
    expect((await db.setting.findUnique({ where: { key: 'k' } }))?.value).toEqual({ a: 1 });
  });
});
