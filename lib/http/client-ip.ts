/** Set by our web server (server/web-server.ts) on every request, overwriting whatever a client sent. */
export const CLIENT_IP_HEADER = 'x-marquee-client-ip';

/** The caller's address, for throttling. */
export function clientIp(req: Request): string {
  return req.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
}
