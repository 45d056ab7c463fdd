import type { KeyScope } from './contract';

export interface AuthUser {
  id: string;
  username: string;
  role: 'admin' | 'user';
  /** The shared read-only demo account: writes are refused unless the contract allows them. */
  demo?: boolean;
}

/** Who is calling, and how: browser cookie, session token, or personal API key. */
export interface AuthContext {
  user: AuthUser;
  via: 'cookie' | 'session' | 'key';
  /** Set when via === 'session': the ApiSession row behind the bearer token. */
  sessionId?: string;
  scope: KeyScope;
}
