// Our route handlers behind a real Node HTTP server on 127.0.0.1, fronted as server/web-server.ts
// fronts Next (the client-IP header overwritten, undecodable paths answered 400), with the route
// table of test/api.ts standing in for Next's router (a `next build` per test file is too slow).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLIENT_IP_HEADER } from '@/lib/http/client-ip';
import { undecodablePathReply } from '@/server/undecodable-path';
import { dispatch } from './api';

async function serve(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? 'unknown';
  const undecodable = undecodablePathReply(req.url);
  if (undecodable) {
    res.writeHead(undecodable.status, undecodable.headers).end(undecodable.body);
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  const method = req.method ?? 'GET';
  const body = chunks.length > 0 && method !== 'GET' && method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
  const answer = await dispatch(new Request(origin + req.url, { method, headers, body }));
  res.writeHead(answer.status, Object.fromEntries(answer.headers));
  res.end(Buffer.from(await answer.arrayBuffer()));
}

export async function startHttpApp(): Promise<{ url: string; close: () => Promise<void> }> {
  let origin = '';
  const server = createServer((req, res) => {
    serve(req, res, origin).catch((err: unknown) => {
      // What Next would do with a throw outside our handlers: a bare 500 (the fuzz test fails on it).
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`test server: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
