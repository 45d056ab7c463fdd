import { describe, expect, it } from 'vitest';
import { onlyAdminId } from './only-admin';

const user = (id: string, role: 'admin' | 'user', disabled = false, has_password = true) => ({ id, role, disabled, has_password });

describe('onlyAdminId', () => {
  it.each([
    ['one admin among users', [user('a', 'admin'), user('b', 'user')], 'a'],
    ['two admins', [user('a', 'admin'), user('b', 'admin')], null],
    ['a second admin who is disabled does not count', [user('a', 'admin'), user('b', 'admin', true)], 'a'],
    ['a second admin still without a password does not count', [user('a', 'admin'), user('b', 'admin', false, false)], 'a'],
    ['no active admin at all', [user('a', 'user')], null],
  ])('%s', (_name, users, expected) => {
    expect(onlyAdminId(users)).toBe(expected);
  });
});
