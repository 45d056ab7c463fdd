// The scanner's calls wait out an unreachable server (nothing listening, 503) and say so once;
// any other answer comes back at once. A real HTTP server on 127.0.0.1 plays the server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '@/test/wait-for';
import { createScannerApi } from './scanner-api';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

function serve(port: number, answers: number[]): Promise<{ requests: string[] }> {
  const seen = { requests: [] as string[] };
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.requests.push(`${req.method} ${req.url} ${req.headers.authorization} ${body}`);
      const status = answers.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status }));
    });
  });
  return new Promise((resolve) => server!.listen(port, '127.0.0.1', () => resolve(seen)));
}

/** A port nothing listens on (yet). */
function freePort(): Promise<number> {
  const probe = createServer();
  return new Promise((resolve) => probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as AddressInfo;
    probe.close(() => resolve(port));
  }));
}

function recorder() {
  const lines: string[] = [];
  return { lines, log: { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) } };
}

describe('scanner API calls', () => {
  it('wait for a server that is not listening yet, then carry on', async () => {
    const port = await freePort();
    const { lines, log } = recorder();
    const api = createScannerApi({ endpoint: `http://127.0.0.1:${port}/`, token: 'k', log, firstWaitMs: 5, maxWaitMs: 20 });
    const answer = api.call('POST', '/api/v1/thing', { a: 1 });
    await waitFor(() => lines.some((l) => l.includes('is unreachable (ECONNREFUSED)')), { what: 'the waiting line' });
    const seen = await serve(port, []);
    expect(await answer).toEqual({ status: 200, body: { status: 200 } });
    expect(seen.requests).toEqual(['POST /api/v1/thing Bearer k {"a":1}']);
    expect(lines.filter((l) => l.includes('unreachable'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/the server answers again \(after \d+ s\); carrying on/);
  });

  it('retry 503 and 502 answers, and hand back the first other answer', async () => {
    const seen = await serve(0, [503, 502, 404]);
    const { port } = server!.address() as AddressInfo;
    const { lines, log } = recorder();
    const api = createScannerApi({ endpoint: `http://127.0.0.1:${port}`, token: 'k', log, firstWaitMs: 5 });
    // A 4xx is an answer: handed back, not retried.
    expect(await api.call('GET', '/x')).toEqual({ status: 404, body: { status: 404 } });
    expect(seen.requests).toHaveLength(3);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('unreachable (HTTP 503)');
    expect(await api.call('GET', '/y')).toEqual({ status: 200, body: { status: 200 } });
    expect(seen.requests).toHaveLength(4);
  });
});
