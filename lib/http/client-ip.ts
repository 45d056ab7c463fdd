/**
 * The caller's address for throttling. Next's server appends the socket address to
 * X-Forwarded-For, so the last entry is the one a client cannot forge.
 */
export function clientIp(req: Request): string {
  const forwarded = req.headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  return last ?? req.headers.get('x-real-ip') ?? 'unknown';
}
