// Opaque bearer secrets (session tokens, API keys, invite codes): random, prefixed so a leaked one
// is recognisable, stored only as a SHA-256 hash (they are high-entropy, so a fast hash is enough).
import { createHash, randomBytes } from 'node:crypto';

// browserSession: the id of a browser sign-in, kept inside the (encrypted) NextAuth cookie; never a Bearer token.
export const TOKEN_PREFIX = { session: 'mq_s_', browserSession: 'mq_b_', key: 'mq_k_', invite: 'mq_i_', tvdbKey: 'mq_tvdb_' } as const;

export function newSecret(kind: keyof typeof TOKEN_PREFIX): string {
  return TOKEN_PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** What a list may show of a key: its prefix and a few characters, never enough to use it. */
export function previewSecret(secret: string): string {
  return `${secret.slice(0, 9)}…${secret.slice(-4)}`;
}
