// Streaming benchmark: `npx tsx bench/stream/run.ts`.
//
// Generates a 60 s 1080p HEVC/AC-3 MKV and a 60 s 1080p H.264/AAC MP4, starts the real app
// (`npm start`'s launcher) on them, and measures through the HTTP API on 127.0.0.1, each next to
// a same-run baseline:
// - time to the first segment and to the first decoded frame of a 1080p HEVC → 720p H.264 transcode,
//   against the same ffmpeg arguments run bare (target ≤ 1.15 × bare + 100 ms);
// - seek latency to an untranscoded position (45 s), against bare ffmpeg started there;
// - direct-play Range throughput, against a bare Node static file server on the same file (≥ 0.8 ×);
// - 50 concurrent direct-play clients (errors must be 0);
// - memory of a transcode session (its ffmpeg's RSS, and the worker's growth).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { factLines, runBenchmark, verdict } from '../machine';
import { startApp, waitFor, type RunningApp } from '../../e2e/harness';
import { ffmpegHlsArgs } from '../../lib/stream/hls';

const FFMPEG = process.env.FFMPEG_PATH || 'ffmpeg';
const ms = (x: number) => `${Math.round(x)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
const TRIALS = 5;

/** One file, one Range, pipe: the least a server can do. argv[1] is the file; prints its port. */
const BARE_SERVER = `
const http = require('node:http'); const fs = require('node:fs');
const file = process.argv[1];
http.createServer((req, res) => {
  const size = fs.statSync(file).size;
  const m = /^bytes=(\\d*)-(\\d*)$/.exec(req.headers.range || '');
  let start = 0, end = size - 1, part = false;
  if (m && m[1] !== '') { start = Number(m[1]); if (m[2] !== '') end = Math.min(Number(m[2]), size - 1); part = true; }
  if (start >= size) { res.writeHead(416); return res.end(); }
  res.writeHead(part ? 206 : 200, { 'Content-Type': 'video/mp4', 'Content-Length': end - start + 1, 'Accept-Ranges': 'bytes', ...(part ? { 'Content-Range': 'bytes ' + start + '-' + end + '/' + size } : {}) });
  fs.createReadStream(file, { start, end, highWaterMark: 256 * 1024 }).pipe(res);
}).listen(0, '127.0.0.1', function () { console.log(this.address().port); });
`;

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function pidsWith(text: string): number[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(text);
    } catch {
      return false;
    }
  }).map(Number);
}

/** Decoding the first frame of a segment: what a player does before it can show anything. */
function firstFrameMs(segment: string): number {
  const t = performance.now();
  execFileSync(FFMPEG, ['-v', 'error', '-i', segment, '-frames:v', '1', '-f', 'null', '-']);
  return performance.now() - t;
}

/** Bare ffmpeg with the app's own arguments: ms until the first segment is complete. */
async function bareFirstSegment(input: string, startSegment: number, decision: Parameters<typeof ffmpegHlsArgs>[0]['decision']): Promise<{ segMs: number; frameMs: number }> {
  const out = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  const args = ffmpegHlsArgs({ input, decision, outDir: out, startSegment });
  const t = performance.now();
  const child = spawn(FFMPEG, args, { stdio: 'ignore' });
  const seg = join(out, `seg-${String(startSegment).padStart(5, '0')}.ts`);
  await waitFor(() => existsSync(seg), { what: 'bare segment', timeoutMs: 60_000, intervalMs: 5 });
  const segMs = performance.now() - t;
  const frameMs = segMs + firstFrameMs(seg);
  child.kill('SIGKILL');
  await new Promise((r) => child.once('close', r));
  rmSync(out, { recursive: true, force: true });
  return { segMs, frameMs };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'marquee-bench-stream-'));
  const movies = join(work, 'Movies');
  mkdirSync(join(movies, 'Bench Transcode (2024)'), { recursive: true });
  mkdirSync(join(movies, 'Bench Direct (2024)'), { recursive: true });
  const hevc = join(movies, 'Bench Transcode (2024)/Bench Transcode (2024).mkv');
  const mp4 = join(movies, 'Bench Direct (2024)/Bench Direct (2024).mp4');
  const src = ['-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=24', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', '60', '-map', '0:v', '-map', '1:a'];
  const t = performance.now();
  execFileSync(FFMPEG, ['-v', 'error', ...src, '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-pix_fmt', 'yuv420p', '-c:a', 'ac3', hevc]);
  execFileSync(FFMPEG, ['-v', 'error', ...src, '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '8M', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart', mp4]);
  log(`media made in ${ms(performance.now() - t)}: HEVC ${(statSync(hevc).size / 1e6).toFixed(1)} MB, MP4 ${(statSync(mp4).size / 1e6).toFixed(1)} MB`);

  let app: RunningApp | undefined;
  // The baseline: a bare Node static file server in a process of its own (as the app's web server is).
  const bare = spawn(process.execPath, ['-e', BARE_SERVER, mp4], { stdio: ['ignore', 'pipe', 'inherit'] });
  const barePort = await new Promise<number>((resolve, reject) => {
    bare.stdout!.once('data', (d) => resolve(Number(String(d).trim())));
    bare.once('exit', (code) => reject(new Error(`bare server exited ${code}`)));
  });
  const bareUrl = `http://127.0.0.1:${barePort}/file.mp4`;

  try {
    app = await startApp({ SAMPLE_LIBRARY: 'false' });
    const pids = app.pids()!;
    const reg = await fetch(`${app.url}/api/v1/user/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench-password' }) });
    if (reg.status !== 201) throw new Error(`register: ${reg.status}`);
    const token = (await (await fetch(`${app.url}/api/v1/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench-password' }) })).json()).token as string;
    const auth = { authorization: `Bearer ${token}` };
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${app!.url}${path}`, { method, headers: { ...auth, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : null;
    };
    const lib = await api('POST', '/api/v1/library', { name: 'Bench', path: movies, type: 'movies' });
    await waitFor(async () => (await api('GET', `/api/v1/library/${lib.id}/media`)).items.length === 2, { what: 'scan', timeoutMs: 120_000 });
    const items = (await api('GET', `/api/v1/library/${lib.id}/media`)).items as { id: string; title: string }[];
    const hevcId = items.find((i) => i.title === 'Bench Transcode')!.id;
    const mp4Id = items.find((i) => i.title === 'Bench Direct')!.id;
    // Let the local-metadata jobs (frame grabs) finish so they do not share the cores with the measurements.
    await new Promise((r) => setTimeout(r, 5000));
    const chromium = { containers: ['mp4', 'webm'], video: [{ codec: 'h264' }, { codec: 'vp9' }], audio: ['aac', 'mp3', 'opus'] };

    // ---- transcode: first segment and first frame ----
    const ours: { segMs: number; frameMs: number }[] = [];
    const bares: { segMs: number; frameMs: number }[] = [];
    const seeks: number[] = [];
    const bareSeeks: number[] = [];
    let ffmpegRss = 0;
    let workerGrowth = 0;
    let decision: any;
    for (let i = 0; i < TRIALS; i++) {
      const workerBefore = rssMb(pids.worker);
      const t0 = performance.now();
      const s = await api('POST', '/api/v1/stream-session', { media_id: hevcId, supported_codecs: chromium, quality: '720p' });
      // What a player does: the master playlist, the media playlist, then the first segment.
      await (await fetch(`${app.url}${s.url}`, { headers: auth })).text();
      await (await fetch(`${app.url}${s.url}/media.m3u8`, { headers: auth })).text();
      const segRes = await fetch(`${app.url}${s.url}/seg-00000.ts`, { headers: auth });
      const seg = Buffer.from(await segRes.arrayBuffer());
      const segMs = performance.now() - t0;
      const tmp = join(work, 'seg0.ts');
      writeFileSync(tmp, seg);
      ours.push({ segMs, frameMs: segMs + firstFrameMs(tmp) });
      // Memory while it runs.
      for (let k = 0; k < 10; k++) {
        for (const pid of pidsWith(join(app.dataDir, 'transcode'))) ffmpegRss = Math.max(ffmpegRss, rssMb(pid));
        workerGrowth = Math.max(workerGrowth, rssMb(pids.worker) - workerBefore);
        await new Promise((r) => setTimeout(r, 100));
      }
      // Seek to 45 s: segment 15, far past what is made.
      const ts = performance.now();
      const far = await fetch(`${app.url}${s.url}/seg-00015.ts`, { headers: auth });
      await far.arrayBuffer();
      if (!far.ok) throw new Error(`seek segment: ${far.status}`);
      seeks.push(performance.now() - ts);
      await api('DELETE', s.url);
      await waitFor(() => pidsWith(join(app!.dataDir, 'transcode')).length === 0, { what: 'ffmpeg gone', timeoutMs: 10_000 });
      decision ??= s;
    }
    const plan = { mode: 'transcode' as const, video: { index: 0, width: 1920, height: 1080 } as never, audio: { index: 1 } as never, videoAction: 'transcode' as const, audioAction: 'transcode' as const, width: 1280, height: 720, videoBitrate: 4_000_000, audioBitrate: 160_000, burnSubtitle: null };
    for (let i = 0; i < TRIALS; i++) {
      bares.push(await bareFirstSegment(hevc, 0, plan));
      bareSeeks.push((await bareFirstSegment(hevc, 15, plan)).segMs);
    }
    const oSeg = median(ours.map((x) => x.segMs));
    const bSeg = median(bares.map((x) => x.segMs));
    const oFrame = median(ours.map((x) => x.frameMs));
    const bFrame = median(bares.map((x) => x.frameMs));
    log(`first segment: ours ${ms(oSeg)} vs bare ${ms(bSeg)}; first frame ours ${ms(oFrame)} vs bare ${ms(bFrame)}; seek ours ${ms(median(seeks))} vs bare ${ms(median(bareSeeks))}`);

    // ---- direct play throughput ----
    const d = await api('POST', '/api/v1/stream-session', { media_id: mp4Id, supported_codecs: chromium });
    if (d.mode !== 'direct') throw new Error(`expected direct play, got ${d.mode}`);
    // The scrub previews of this file are made in the background a little after the first play:
    // let that finish so it does not share the cores with the measurement.
    await waitFor(async () => (await fetch(`${app!.url}${d.trickplay_url}`, { headers: auth })).ok, { what: 'trickplay', timeoutMs: 180_000, intervalMs: 1000 });
    const size = statSync(mp4).size;
    const readAll = async (url: string, headers: Record<string, string>) => {
      const t1 = performance.now();
      const res = await fetch(url, { headers: { ...headers, range: 'bytes=0-' } });
      let n = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) n += chunk.length;
      if (n !== size) throw new Error(`read ${n} of ${size}`);
      return (size / 1e6) / ((performance.now() - t1) / 1000);
    };
    const oursMbs: number[] = [];
    const bareMbs: number[] = [];
    for (let i = 0; i < 5; i++) {
      oursMbs.push(await readAll(`${app.url}${d.url}`, auth));
      bareMbs.push(await readAll(bareUrl, {}));
    }
    const oT = median(oursMbs);
    const bT = median(bareMbs);
    log(`range throughput: ours ${oT.toFixed(0)} MB/s vs bare ${bT.toFixed(0)} MB/s`);

    // ---- 50 concurrent clients, each reading 10 random 1 MiB ranges ----
    let errors = 0;
    let requests = 0;
    const tc = performance.now();
    await Promise.all(Array.from({ length: 50 }, async () => {
      for (let k = 0; k < 10; k++) {
        const start = Math.floor(Math.random() * (size - 2 ** 20));
        const res = await fetch(`${app!.url}${d.url}`, { headers: { ...auth, range: `bytes=${start}-${start + 2 ** 20 - 1}` } }).catch(() => null);
        requests++;
        const body = res ? await res.arrayBuffer() : null;
        if (!res || res.status !== 206 || body!.byteLength !== 2 ** 20) errors++;
      }
    }));
    const concurrentS = (performance.now() - tc) / 1000;
    log(`50 clients: ${requests} range requests, ${errors} errors, ${(requests / concurrentS).toFixed(0)} req/s`);

    const yes = verdict;
    console.log(
      [
        '',
        '### Streaming — `npx tsx bench/stream/run.ts`',
        '',
        ...factLines(`, ${execFileSync(FFMPEG, ['-version'], { encoding: 'utf8' }).split('\n')[0]}`),
        `- Media: 60 s 1920×1080 24 fps testsrc2, HEVC/AC-3 MKV (transcoded to 1280×720 H.264 4 Mbps/AAC, preset veryfast, 3 s segments) and H.264 8 Mbps/AAC MP4 (${(size / 1e6).toFixed(0)} MB, direct play); ${TRIALS} trials, medians`,
        '',
        '| Measure | Marquee | Same-run baseline | Target | Result |',
        '|---|---|---|---|---|',
        `| Time to first segment (POST session → segment 0 received) | ${ms(oSeg)} | bare ffmpeg, same arguments: ${ms(bSeg)} | ≤ 1.15 × bare + 100 ms = ${ms(bSeg * 1.15 + 100)} | ${yes(oSeg <= bSeg * 1.15 + 100)} |`,
        `| Time to first playable frame (+ decode of its first frame) | ${ms(oFrame)} | ${ms(bFrame)} | ≤ ${ms(bFrame * 1.15 + 100)} | ${yes(oFrame <= bFrame * 1.15 + 100)} |`,
        `| Seek to 45 s (segment 15, not transcoded yet) | ${ms(median(seeks))} | bare ffmpeg started at 45 s: ${ms(median(bareSeeks))} | – | – |`,
        `| Direct-play Range throughput (whole file, one client) | ${oT.toFixed(0)} MB/s | bare Node static server: ${bT.toFixed(0)} MB/s | ≥ 0.8 × (${(oT / bT).toFixed(2)} ×) | ${yes(oT >= 0.8 * bT)} |`,
        `| 50 concurrent direct-play clients (10 × 1 MiB ranges each) | ${errors} errors of ${requests}, ${(requests / concurrentS).toFixed(0)} req/s | – | 0 errors | ${yes(errors === 0)} |`,
        `| Memory per transcode session | ffmpeg RSS ${ffmpegRss.toFixed(0)} MB; worker growth ${workerGrowth.toFixed(0)} MB | – | – | – |`,
        '',
        `- Trials: first segment ours ${ours.map((x) => ms(x.segMs)).join(', ')}, bare ${bares.map((x) => ms(x.segMs)).join(', ')}; seeks ours ${seeks.map(ms).join(', ')}, bare ${bareSeeks.map(ms).join(', ')}.`,
        `- Decision for the HEVC file: ${decision.mode} — ${decision.reasons.join('; ')}.`,
        '',
      ].join('\n'),
    );
  } catch (err) {
    if (app) console.error(app.output().slice(-3000));
    throw err;
  } finally {
    bare.kill();
    await app?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

runBenchmark(main);
