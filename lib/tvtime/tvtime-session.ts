// POST /tvtime/login: username and password in the body → a session cookie (and the token, for
// clients that prefer a Bearer header). The session is the one a Bearer sign-in gets
// (verifyCredentials + createApiSession: throttled, stored hashed, revocable, 7 days), carried in
// the TV Time cookie that lib/http/authenticate.ts reads.
import { z } from 'zod';
import { createApiSession } from '@/lib/auth/api-sessions';
import { config } from '@/lib/config';
import { TVTIME_SESSION_COOKIE } from '@/lib/http/authenticate';
import { verifyCredentials } from '@/lib/users/verify-credentials';

export const tvtimeLoginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1024) });

export const tvtimeLoginResultSchema = z.object({
  result: z.literal('OK'),
  user: z.object({ id: z.string(), name: z.string() }),
  token: z.string().describe('The session token: also a Bearer token for these routes and /api/v1'),
  expires_at: z.string(),
});

export async function tvtimeLogin(input: z.infer<typeof tvtimeLoginSchema>, ip: string, userAgent: string | null): Promise<Response> {
  const user = await verifyCredentials(input.username, input.password, { ip });
  const session = await createApiSession(user.id, userAgent);
  const maxAge = Math.floor((Date.parse(session.expires_at) - Date.now()) / 1000);
  const secure = config().publicUrl.startsWith('https:') ? '; Secure' : '';
  const body: z.infer<typeof tvtimeLoginResultSchema> = { result: 'OK', user: { id: user.id, name: user.username }, token: session.token, expires_at: session.expires_at };
  return Response.json(body, {
    status: 200,
    headers: { 'set-cookie': `${TVTIME_SESSION_COOKIE}=${session.token}; Path=/tvtime; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`, 'cache-control': 'no-store' },
  });
}
