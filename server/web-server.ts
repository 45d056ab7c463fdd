// The web process: Next.js behind a plain Node HTTP server, so route handlers learn the caller's
// socket address (for login throttling) from a header that no client can set: we overwrite it.
import { createServer } from 'node:http';
import { join } from 'node:path';
import next from 'next';
import { loadConfigOrExit } from '../lib/config';
import { CLIENT_IP_HEADER, proxyMatcher, resolveClientIp } from '../lib/http/client-ip';
import { newNonce, securityHeaders } from '../lib/http/security-headers';
import { isDirectPlayPath, serveDirectPlay } from './direct-play';
import { isTvdbPath, serveTvdb } from './tvdb-proxy';
import { undecodablePathReply } from './undecodable-path';
import { isUploadRequest, serveUploadNode } from './uploads';
import { flushProxyUsage } from '../lib/tvdb/proxy-state';
import { mailModeNotice } from '../lib/mail/outbox';

const config = loadConfigOrExit();
const dev = process.argv.includes('--dev');
const app = next({ dev, dir: join(import.meta.dirname, '..'), hostname: config.host, port: config.port });
await app.prepare();
const handle = app.getRequestHandler();
const isTrustedProxy = proxyMatcher(config.trustedProxies);

const server = createServer((req, res) => {
  // X-Forwarded-For counts only as far as TRUSTED_PROXIES wrote it (lib/http/client-ip.ts).
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], isTrustedProxy);
  // Security headers on every answer; the CSP's nonce also goes on the request, where Next reads it
  // to put on the scripts it renders (a client's own header of that name is overwritten).
  const headers = securityHeaders({ publicUrl: config.publicUrl, dev, nonce: newNonce() });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  req.headers['content-security-policy'] = headers['Content-Security-Policy'];
  const undecodable = undecodablePathReply(req.url);
  if (undecodable) {
    res.writeHead(undecodable.status, undecodable.headers).end(undecodable.body);
    return;
  }
  // Direct play is byte streaming: served here, past Next's web-stream layer (same checks, see server/direct-play.ts).
  if (isDirectPlayPath(req.url, req.method)) {
    void serveDirectPlay(req, res).then((done) => {
      if (!done) void handle(req, res);
    });
    return;
  }
  // Resumable uploads (tus): the body streams to disk here, never through Next's body handling.
  if (isUploadRequest(req.url)) {
    void serveUploadNode(req, res);
    return;
  }
  // The TVDB-v4-compatible proxy: plain Node, for throughput (see server/tvdb-proxy.ts).
  if (isTvdbPath(req.url)) {
    void serveTvdb(req, res);
    return;
  }
  handle(req, res);
});

server.listen(config.port, config.host, () => {
  console.log(`[web] listening on ${config.host}:${config.port}`);
  console.log(`[web] ${mailModeNotice()}`);
});

const shutdown = () => {
  server.close();
  server.closeAllConnections();
  flushProxyUsage()
    .catch(() => undefined)
    .then(() => app.close())
    .finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
