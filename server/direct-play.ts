// The web server's fast path for direct play: the same checks and headers as the route handler
// (planDirectPlay), but the file is piped straight into the Node response. Anything that is not
// a successful direct-play answer (no credentials, an HLS session, an error) falls through to
// Next, which answers it as usual.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getStreamContract } from '@/lib/api/stream-contracts';
import { authenticate } from '@/lib/http/authenticate';
import { allowedScopes } from '@/lib/http/contract';
import { planDirectPlay } from '@/lib/stream/respond-direct';
import { sessionFor } from '@/lib/stream/session-store';

const DIRECT_PATH = /^\/api\/v1\/stream-session\/([A-Za-z0-9_-]{10,64})(?:\?.*)?$/;

export function isDirectPlayPath(url: string | undefined, method: string | undefined): boolean {
  return (method === 'GET' || method === 'HEAD') && !!url && DIRECT_PATH.test(url);
}

/** True when it answered; false to hand the request to Next. */
export async function serveDirectPlay(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const key = DIRECT_PATH.exec(req.url ?? '')![1];
  const headers = new Headers();
  for (const name of ['authorization', 'cookie'] as const) {
    const value = req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  try {
    const auth = await authenticate(new Request('http://local/', { headers }));
    if (!auth || (auth.via === 'key' && !allowedScopes(getStreamContract).includes(auth.scope))) return false;
    const plan = await planDirectPlay(await sessionFor(auth.user.id, key), { range: (req.headers.range as string | undefined) ?? null, ifRange: (req.headers['if-range'] as string | undefined) ?? null, method: req.method ?? 'GET' });
    if (!plan || plan.status === 416) return false;
    res.writeHead(plan.status, plan.headers);
    if (plan.empty) {
      res.end();
      return true;
    }
    const file = createReadStream(plan.path, { start: plan.start, end: plan.end, highWaterMark: 256 * 1024 });
    file.on('error', () => res.destroy());
    res.on('close', () => file.destroy());
    file.pipe(res);
    return true;
  } catch {
    return false;
  }
}
