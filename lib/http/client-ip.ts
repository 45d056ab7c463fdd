// The caller's address, for login throttling. X-Forwarded-For is believed only as far as it was
// written by proxies we were told to trust (TRUSTED_PROXIES): anyone else can write anything there.
import { BlockList, isIP } from 'node:net';

/** Set by our web server (server/web-server.ts) on every request, overwriting whatever a client sent. */
export const CLIENT_IP_HEADER = 'x-marquee-client-ip';

/** The caller's address, for throttling. */
export function clientIp(req: Request): string {
  return req.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
}

/** `::ffff:10.0.0.1` → `10.0.0.1`, so an IPv4 proxy list matches a dual-stack socket. */
export function normalizeIp(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** A matcher for TRUSTED_PROXIES entries (addresses or CIDRs, already validated by lib/config.ts). */
export function proxyMatcher(entries: string[]): (address: string) => boolean {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    const ip = normalizeIp(address);
    const family = isIP(ip);
    return family !== 0 && list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then X-Forwarded-For is
 * read from the right (each proxy appends the address it saw), skipping trusted proxies, and the
 * first untrusted address is the client. Entries left of it were written by the client: ignored.
 */
export function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, isTrusted: (address: string) => boolean): string {
  let client = normalizeIp(socketAddress ?? 'unknown');
  if (!isTrusted(client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeIp(hops[i]);
    if (!isIP(hop)) return client;
    client = hop;
    if (!isTrusted(hop)) return client;
  }
  return client;
}
