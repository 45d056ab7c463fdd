// NextAuth's own routes (sign-in, sign-out, session, CSRF) for the browser.
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/users/next-auth-options';

const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => NextAuth(req as never, ctx as never, authOptions());

export { handler as GET, handler as POST };
