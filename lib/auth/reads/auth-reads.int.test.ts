// The auth raw reads against a real database (SQLite, and PostgreSQL with TEST_DB=postgres).
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { hashSecret } from '../secret-token';
import { findLiveSession } from './live-session';
import { findUserById } from './user-by-id';

describe('auth reads', () => {
  it('findUserById maps a user row (name, role, disabled and demo as booleans), null when unknown', async () => {
    const on = await db.user.create({ data: { username: 'reads-ann', passwordHash: 'x', name: 'Ann', role: 'admin' } });
    const off = await db.user.create({ data: { username: 'reads-ben', passwordHash: 'x', disabled: true, demo: true } });
    expect(await findUserById(on.id)).toEqual({ id: on.id, username: 'reads-ann', role: 'admin', name: 'Ann', avatar: null, disabled: false, demo: false });
    expect(await findUserById(off.id)).toEqual({ id: off.id, username: 'reads-ben', role: 'user', name: null, avatar: null, disabled: true, demo: true });
    expect(await findUserById('nobody')).toBeNull();
  });

  it('findLiveSession answers a live token with its user; expired, revoked and unknown tokens with null', async () => {
    const user = await db.user.create({ data: { username: 'reads-cat', passwordHash: 'x', disabled: true } });
    const later = new Date(Date.now() + 3600_000);
    const live = await db.apiSession.create({ data: { userId: user.id, tokenHash: hashSecret('mq_s_live'), expiresAt: later } });
    await db.apiSession.create({ data: { userId: user.id, tokenHash: hashSecret('mq_s_old'), expiresAt: new Date(Date.now() - 1000) } });
    await db.apiSession.create({ data: { userId: user.id, tokenHash: hashSecret('mq_s_gone'), expiresAt: later, revokedAt: new Date() } });
    expect(await findLiveSession('mq_s_live')).toEqual({ id: live.id, lastUsedAt: null, user: { id: user.id, username: 'reads-cat', role: 'user', disabled: true, demo: false } });
    expect(await findLiveSession('mq_s_old')).toBeNull();
    expect(await findLiveSession('mq_s_gone')).toBeNull();
    expect(await findLiveSession('mq_s_unknown')).toBeNull();
  });
});
