// NextAuth's own routes (sign-in, sign-out, session, CSRF) for the browser. A sign-in also marks the
// browser as a trusted device of the account (login throttling spares it, lib/auth/login-throttle.ts).
import NextAuth from 'next-auth';
import { withTrustedDeviceCookie } from '@/lib/http/trusted-device-cookie';
import { authOptions } from '@/lib/users/next-auth-options';

const handler = async (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) =>
  withTrustedDeviceCookie(req, (await NextAuth(req as never, ctx as never, authOptions())) as Response);

export { handler as GET, handler as POST };
