// TVDB proxy benchmark: `npx tsx bench/tvdb/run.ts`.
//
// Starts the real app (`npm start`'s launcher, SQLite) with TVDB_BASE_URL pointing at a fake
// TheTVDB on 127.0.0.1, creates a proxy key through the admin API, logs in at /tvdb/v4/login and
// warms the cache with one request. Then autocannon (50 connections, 10 s) measures cache hits on
// GET /tvdb/v4/series/:id/extended next to a bare Node HTTP server (its own process, like the app)
// answering the same JSON body. Also: upstream calls per 10,000 client requests, over a mix of
// 10,000 requests for 20 records (the first request of each record misses).
// Targets: ≥ 50 % of the bare server's throughput; p99 ≤ 20 ms.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { factLines, runBenchmark, verdict } from '../machine';
import { startApp, type RunningApp } from '../../e2e/harness';
import { FAKE_TVDB_API_KEY, FAKE_TVDB_IDS, startFakeTvdb } from '../../test/fakes/tvdb-server';

const CONNECTIONS = 50;
const DURATION = 10;
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

async function measure(url: string, headers: Record<string, string>) {
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, total: r.requests.total };
}

/** A bare node:http server in its own process answering `body` to every request. */
async function bareServer(body: string) {
  const script = `const b=Buffer.from(process.env.BODY);require('node:http').createServer((q,s)=>{s.writeHead(200,{'content-type':'application/json; charset=utf-8','content-length':b.length});s.end(b)}).listen(0,'127.0.0.1',function(){console.log(this.address().port)})`;
  const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, BODY: body }, stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { url: `http://127.0.0.1:${chunk.toString().trim()}`, stop: () => child.kill() };
}

async function main() {
  const fake = await startFakeTvdb();
  let app: RunningApp | undefined;
  let bare: Awaited<ReturnType<typeof bareServer>> | undefined;
  try {
    app = await startApp({ SAMPLE_LIBRARY: 'false', TVDB_API_KEY: FAKE_TVDB_API_KEY, TVDB_BASE_URL: fake.url });
    const json = { 'content-type': 'application/json' };
    const reg = await fetch(`${app.url}/api/v1/user/register`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'benchadmin', password: 'bench-password' }) });
    if (reg.status !== 201) throw new Error(`register: ${reg.status}`);
    const session = (await (await fetch(`${app.url}/api/v1/auth/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'benchadmin', password: 'bench-password' }) })).json()) as { token: string };
    const created = await fetch(`${app.url}/api/v1/admin/api-keys`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ name: 'bench', rate_limit: 10_000_000, burst: 1_000_000 }),
    });
    if (created.status !== 201) throw new Error(`create key: ${created.status} ${await created.text()}`);
    const { key } = (await created.json()) as { key: string };
    const login = (await (await fetch(`${app.url}/tvdb/v4/login`, { method: 'POST', headers: json, body: JSON.stringify({ apikey: key }) })).json()) as { data: { token: string } };
    const auth = { authorization: `Bearer ${login.data.token}` };
    const path = `/tvdb/v4/series/${FAKE_TVDB_IDS.lighthouse}/extended`;
    const warm = await fetch(`${app.url}${path}`, { headers: auth });
    const body = await warm.text();
    if (warm.status !== 200) throw new Error(`warm-up: ${warm.status} ${body}`);
    log(`body ${body.length} bytes; measuring…`);

    bare = await bareServer(body);
    const baseline = await measure(bare.url, {});
    const hit = await measure(`${app.url}${path}`, auth);

    // Upstream calls per 10,000 requests over 20 records (episodes), 20 connections.
    const episodeIds = [...fake.data.episodes.keys()].slice(0, 20);
    const before = fake.calls.total;
    let sent = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (sent < 10_000) {
          const id = episodeIds[sent++ % episodeIds.length];
          const res = await fetch(`${app!.url}/tvdb/v4/episodes/${id}`, { headers: auth });
          if (res.status !== 200) throw new Error(`episodes/${id}: ${res.status}`);
          await res.arrayBuffer();
        }
      }),
    );
    const upstream = fake.calls.total - before;

    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const share = hit.rps / baseline.rps;
    console.log(
      [
        '',
        '### TVDB proxy — `npx tsx bench/tvdb/run.ts`',
        '',
        ...factLines('; SQLite'),
        `- Cache hits on GET ${path.replace(String(FAKE_TVDB_IDS.lighthouse), ':id')} (${body.length} bytes), autocannon ${CONNECTIONS} connections, ${DURATION} s each; the bare server is a node:http process answering the same body`,
        '',
        '| Server | p50 | p99 | req/s | Target | Result |',
        '|---|---|---|---|---|---|',
        `| bare node:http (baseline) | ${ms(baseline.p50)} | ${ms(baseline.p99)} | ${baseline.rps.toFixed(0)} | – | – |`,
        `| /tvdb/v4 cache hit | ${ms(hit.p50)} | ${ms(hit.p99)} | ${hit.rps.toFixed(0)} | ≥ 50 % of bare, p99 ≤ 20 ms | ${(share * 100).toFixed(0)} % of bare: ${verdict(share >= 0.5)}; p99 ${verdict(hit.p99 <= 20)} |`,
        '',
        `- Upstream calls per 10,000 client requests (20 episode records, 20 connections): ${upstream} (one per record; no login was needed, the token from warm-up was reused)`,
        '',
      ].join('\n'),
    );
  } catch (err) {
    if (app) console.error(app.output().slice(-3000));
    throw err;
  } finally {
    bare?.stop();
    await app?.stop();
    await fake.close();
  }
}

runBenchmark(main);
