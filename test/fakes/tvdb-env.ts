// Points this process's configuration at a fake TheTVDB (and a public URL for the proxy's links).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resetConfig } from '@/lib/config';
import { isTvdbPath, serveTvdb } from '@/server/tvdb-proxy';
import { FAKE_TVDB_API_KEY, startFakeTvdb, type FakeTvdb } from './tvdb-server';

export function useFakeTvdb(fakeUrl: string, publicUrl: string) {
  Object.assign(process.env, { TVDB_API_KEY: FAKE_TVDB_API_KEY, TVDB_BASE_URL: fakeUrl, PUBLIC_URL: publicUrl });
  resetConfig();
}

/**
 * A fake TheTVDB and the proxy's edge (server/tvdb-proxy.ts) on a port of its own, with this
 * process's configuration pointed at both: what the proxy's integration tests run against.
 */
export async function startProxyEdge(fakeOptions: Parameters<typeof startFakeTvdb>[0]): Promise<{ fake: FakeTvdb; server: Server; base: string }> {
  const fake = await startFakeTvdb(fakeOptions);
  const server = createServer((req, res) => {
    if (isTvdbPath(req.url)) void serveTvdb(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  useFakeTvdb(fake.url, url);
  return { fake, server, base: `${url}/tvdb/v4` };
}
