// What the sign-up page offers, from the admin's settings and the invite in its link (if any).
// Pure: the page loads the settings and the invited account, this decides.
import type { ServerSettings } from '@/lib/settings/settings';

export type SignUpAccess =
  /** Anyone may sign up; no code needed. */
  | { kind: 'open' }
  /** Sign-up with an invite code (typed in, or from the link). */
  | { kind: 'invite'; code?: string }
  /** The link of an account an admin added: its owner chooses a password. */
  | { kind: 'account'; code: string; username: string }
  /** No way in from this page; `reason` says why, for people. */
  | { kind: 'closed'; reason: string };

export function signUpAccess(
  settings: Pick<ServerSettings, 'registration' | 'invites'>,
  invite: { code?: string; account?: { username: string } | null; isAccountInvite: boolean },
): SignUpAccess {
  const code = invite.code?.trim() || undefined;
  if (code && invite.isAccountInvite) {
    if (!settings.invites) return { kind: 'closed', reason: 'Invites are turned off on this server. Ask the admin for an account.' };
    if (!invite.account) return { kind: 'closed', reason: 'This invite link is unknown, used or expired. Ask the admin for a new one.' };
    return { kind: 'account', code, username: invite.account.username };
  }
  if (settings.registration === 'open') return { kind: 'open' };
  if (!settings.invites) return { kind: 'closed', reason: 'Sign-up is closed on this server. Ask the admin to add an account for you.' };
  if (settings.registration === 'invite' || code) return { kind: 'invite', code };
  return { kind: 'closed', reason: 'Sign-up is closed on this server. Ask the admin to add an account for you, or to send you an invite.' };
}

/** The sign-in page links to sign-up only when anyone may sign up. */
export function offersSignUp(settings: Pick<ServerSettings, 'registration' | 'invites'>): boolean {
  return settings.registration === 'open';
}
