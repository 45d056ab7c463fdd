// Remote-control latency: `npx tsx bench/remote/run.ts`.
//
// Starts the real app (`npm start`'s launcher: web + worker, SQLite, the Unix-socket event mesh),
// registers a device that behaves as the player does — it holds the SSE command stream, applies
// each command and reports its new state with PUT …/state — and measures, per command:
// - delivered: POST …/commands sent → the command arrives on the device's stream;
// - state changed: POST …/commands sent → the device's new state is stored (its PUT answered),
//   i.e. what GET /api/v1/devices shows from then on;
// - remote sees it: POST …/commands sent → the new state arrives on the user's live device stream
//   (GET /api/v1/devices/events, what the remote page reads): the whole remote → device → remote loop;
// - report → stream: the device changes by itself (a pause, a seek: PUT …/state sent) → the remote
//   page's stream has it.
// Baseline in the same run: a plain HTTP round trip to the same server (GET /api/health) and one
// state report (PUT …/state). RUNS runs × COMMANDS commands, sequential. Target (issue 16): p95 ≤ 300 ms.
import { performance } from 'node:perf_hooks';
import { factLines, runBenchmark, verdict } from '../machine';
import { startApp, waitFor } from '../../e2e/harness';
import { sseEvents } from '../../test/sse-events';

const RUNS = 3;
const COMMANDS = 100;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const cell = (xs: number[]) => `${ms(pct(xs, 0.5))} / ${ms(pct(xs, 0.95))}`;
const COLUMNS = ['health', 'put', 'report', 'delivered', 'changed', 'seen'] as const;
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

runBenchmark(async () => {
  const app = await startApp();
  try {
    const json = { 'content-type': 'application/json' };
    const creds = JSON.stringify({ username: 'bench', password: 'bench-password' });
    await fetch(`${app.url}/api/v1/user/register`, { method: 'POST', headers: json, body: creds });
    const { token } = (await (await fetch(`${app.url}/api/v1/auth/session`, { method: 'POST', headers: json, body: creds })).json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const device = (await (await fetch(`${app.url}/api/v1/devices`, { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify({ name: 'bench device' }) })).json()) as { id: string };
    const base = `${app.url}/api/v1/devices/${device.id}`;
    const state = { item_id: 'x', position_secs: 0, paused: false, volume: 50, muted: false };
    // Every state the device reports is told apart by its position (a counter).
    let tick = 0;
    const putState = () => fetch(`${base}/state`, { method: 'PUT', headers: { ...auth, ...json }, body: JSON.stringify(state) }).then((r) => r.arrayBuffer());

    // The device: reads its stream, applies each command (volume), reports the state, acknowledges.
    const arrived = new Map<string, number>();
    const stored = new Map<string, number>();
    const stream = await fetch(`${base}/events`, { headers: auth });
    const reader = stream.body!.getReader();
    void (async () => {
      for await (const e of sseEvents(reader)) {
        if (e.event !== 'command') continue;
        const cmd = e.data as { id: string; level: number };
        arrived.set(cmd.id, performance.now());
        state.volume = cmd.level;
        state.position_secs = ++tick;
        void putState().then(() => {
          stored.set(cmd.id, performance.now());
          return fetch(`${base}/commands/${cmd.id}/ack`, { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify({ status: 'done' }) });
        });
      }
    })();
    await putState();
    await waitFor(async () => ((await (await fetch(`${app.url}/api/v1/devices`, { headers: auth })).json()) as unknown[]).length === 1, { what: 'the device listed' });

    // The remote page: the user's live device stream, when each reported position arrived on it.
    const onStream = new Map<number, number>();
    const live = await fetch(`${app.url}/api/v1/devices/events`, { headers: auth });
    const liveReader = live.body!.getReader();
    void (async () => {
      for await (const e of sseEvents(liveReader)) {
        const devices = (e.event === 'device' ? [e.data] : e.event === 'devices' ? e.data : []) as { state: { position_secs: number } | null }[];
        for (const d of devices) if (d.state && !onStream.has(d.state.position_secs)) onStream.set(d.state.position_secs, performance.now());
      }
    })();

    const rows: string[] = [];
    const all = { health: [] as number[], put: [] as number[], delivered: [] as number[], changed: [] as number[], seen: [] as number[], report: [] as number[] };
    for (let run = 1; run <= RUNS; run++) {
      const r = { health: [] as number[], put: [] as number[], delivered: [] as number[], changed: [] as number[], seen: [] as number[], report: [] as number[] };
      for (let i = 0; i < COMMANDS; i++) {
        let t = performance.now();
        await fetch(`${app.url}/api/health`).then((x) => x.arrayBuffer());
        r.health.push(performance.now() - t);
        // The device pauses or resumes by itself: its report, until the remote's stream has it.
        state.paused = !state.paused;
        const reported = (state.position_secs = ++tick);
        t = performance.now();
        await putState();
        r.put.push(performance.now() - t);
        await waitFor(() => onStream.has(reported), { timeoutMs: 10_000, intervalMs: 1, what: `report ${reported} on the stream` });
        r.report.push(onStream.get(reported)! - t);
        const level = (i * 7) % 101;
        t = performance.now();
        const res = await fetch(`${base}/commands`, { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify({ command: 'volume', level }) });
        const { id } = (await res.json()) as { id: string };
        await waitFor(() => stored.has(id), { timeoutMs: 10_000, intervalMs: 1, what: `command ${id}` });
        r.delivered.push(arrived.get(id)! - t);
        r.changed.push(stored.get(id)! - t);
        const after = state.position_secs;
        await waitFor(() => onStream.has(after), { timeoutMs: 10_000, intervalMs: 1, what: `command ${id} on the stream` });
        r.seen.push(onStream.get(after)! - t);
      }
      for (const k of Object.keys(all) as (keyof typeof all)[]) all[k].push(...r[k]);
      const line = `| ${run} | ${COLUMNS.map((k) => cell(r[k])).join(' | ')} |`;
      rows.push(line);
      log(line);
    }
    await reader.cancel().catch(() => undefined);
    await liveReader.cancel().catch(() => undefined);
    const p95 = pct(all.changed, 0.95);
    const seenP95 = pct(all.seen, 0.95);
    const reportP95 = pct(all.report, 0.95);
    console.log(
      [
        '',
        `### Remote control — \`npx tsx bench/remote/run.ts\` (issue 16: command → device state changed ≤ 300 ms p95; the remote page sees a device's change within the same)`,
        ...factLines(', SQLite + Unix-socket event mesh, web and worker of `npm start`'),
        `- ${RUNS} runs × ${COMMANDS} rounds on 127.0.0.1, sequential: the device reports a change of its own (pause/resume), then gets a volume command (p50 / p95):`,
        '',
        '| run | baseline: GET /api/health | device report (PUT state) | report → on the remote\'s stream | command → on the device\'s stream | command → new state stored | command → new state on the remote\'s stream |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        `| all | ${COLUMNS.map((k) => cell(all[k])).join(' | ')} |`,
        '',
        `- Target p95 ≤ 300 ms: command → state changed ${verdict(p95 <= 300)} (${ms(p95)}); device changed → remote's stream ${verdict(reportP95 <= 300)} (${ms(reportP95)}); whole loop command → remote's stream ${verdict(seenP95 <= 300)} (${ms(seenP95)}).`,
      ].join('\n'),
    );
  } finally {
    await app.stop();
  }
});
