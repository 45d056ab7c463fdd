// Sign-in error codes (from the credentials provider, or NextAuth's own) as sentences for people.
const messages: Record<string, string> = {
  invalid_credentials: 'Wrong username or password.',
  CredentialsSignin: 'Wrong username or password.',
  too_many_requests: 'Too many failed attempts. Try again in a few minutes.',
  account_disabled: 'This account has been disabled. Ask the server admin to enable it.',
  account_inactive: 'This account is not activated yet: open the link in the activation mail we sent you.',
  demo_disabled: 'The demo is turned off on this server.',
  SessionRequired: 'Sign in to continue.',
  registration_closed: 'No Marquee account is linked with this Trakt account, and sign-up is closed: sign in and link Trakt in Settings, or ask the admin.',
  OAuthCallback: 'Trakt sign-in failed. Try again.',
};

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return messages[code] ?? 'Sign-in failed. Try again.';
}
