// A browser's session cookie for a benchmark's page loads, through NextAuth's credentials sign-in.
import type autocannon from 'autocannon';

/** Signs `username` in like the login form does and returns the `…session-token=…` cookie. */
export async function browserSessionCookie(base: string, username: string, password: string): Promise<string> {
  // A connection kept alive from before a long seeding may have been closed by the server
  // meanwhile: the first request may fail on it, the retry gets a fresh one.
  const csrfRes = await fetch(`${base}/api/auth/csrf`).catch(() => fetch(`${base}/api/auth/csrf`));
  const { csrfToken } = await csrfRes.json();
  const csrfCookie = (csrfRes.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, username, password, json: 'true' }),
  });
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.includes('session-token'));
  if (!cookie) throw new Error(`no session cookie from sign-in (${signIn.status})`);
  return cookie;
}

/** autocannon reports p90 and p97.5; p95 lies between them: interpolate. */
export function percentile95(r: autocannon.Result): number {
  const l = r.latency as unknown as { p90: number; p97_5: number };
  return l.p90 + ((l.p97_5 - l.p90) * (95 - 90)) / (97.5 - 90);
}
