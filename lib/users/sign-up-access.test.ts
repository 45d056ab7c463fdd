import { describe, expect, it } from 'vitest';
import { offersSignUp, signUpAccess } from './sign-up-access';

const none = { isAccountInvite: false };

describe('signUpAccess', () => {
  it.each([
    ['open, no code', { registration: 'open', invites: true }, none, { kind: 'open' }],
    ['open with invites off', { registration: 'open', invites: false }, none, { kind: 'open' }],
    ['invite-only, no code yet', { registration: 'invite', invites: true }, none, { kind: 'invite', code: undefined }],
    ['invite-only with a code', { registration: 'invite', invites: true }, { code: 'mq_i_x', isAccountInvite: false }, { kind: 'invite', code: 'mq_i_x' }],
    ['closed with a code', { registration: 'closed', invites: true }, { code: 'mq_i_x', isAccountInvite: false }, { kind: 'invite', code: 'mq_i_x' }],
    ['closed with an account link', { registration: 'closed', invites: true }, { code: 'mq_a_x', isAccountInvite: true, account: { username: 'ada' } }, { kind: 'account', code: 'mq_a_x', username: 'ada' }],
    ['open with an account link', { registration: 'open', invites: true }, { code: 'mq_a_x', isAccountInvite: true, account: { username: 'ada' } }, { kind: 'account', code: 'mq_a_x', username: 'ada' }],
  ] as const)('%s', (_name, settings, invite, expected) => {
    expect(signUpAccess(settings, invite)).toEqual(expected);
  });

  it.each([
    ['closed, no code', { registration: 'closed', invites: true }, none, /or to send you an invite/],
    ['closed with a code, invites off', { registration: 'closed', invites: false }, { code: 'mq_i_x', isAccountInvite: false }, /add an account for you\.$/],
    ['a used or forged account link', { registration: 'closed', invites: true }, { code: 'mq_a_x', isAccountInvite: true, account: null }, /unknown, used or expired/],
    ['an account link, invites off', { registration: 'open', invites: false }, { code: 'mq_a_x', isAccountInvite: true, account: { username: 'ada' } }, /Invites are turned off/],
  ] as const)('closed: %s', (_name, settings, invite, reason) => {
    const access = signUpAccess(settings, invite);
    expect(access.kind).toBe('closed');
    expect(access.kind === 'closed' && access.reason).toMatch(reason);
  });
});

describe('offersSignUp', () => {
  it('only when registration is open', () => {
    expect(offersSignUp({ registration: 'open', invites: true })).toBe(true);
    expect(offersSignUp({ registration: 'invite', invites: true })).toBe(false);
    expect(offersSignUp({ registration: 'closed', invites: true })).toBe(false);
  });
});
