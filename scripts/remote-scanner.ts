// `npm run scanner -- --endpoint http://host:3000 --auth-token <scanner API key> --path /mnt/tv --library <id>`
// Scans a folder on this machine with the server's rules and pushes what it finds through the API
// (POST /api/v1/library/:id/media). Files the server already has unchanged are skipped, so a second
// run creates nothing.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveBinary } from '../lib/media/ffmpeg-path';
import { probeFile, ProbeError } from '../lib/media/probe';
import { headTailHash } from '../lib/scan/head-tail-hash';
import { isVideoFile, walkLibrary } from '../lib/scan/walk-library';

const { values } = parseArgs({
  options: {
    endpoint: { type: 'string' },
    'auth-token': { type: 'string' },
    path: { type: 'string' },
    library: { type: 'string' },
    concurrency: { type: 'string' },
  },
});
const missing = ['endpoint', 'auth-token', 'path', 'library'].filter((k) => !values[k as keyof typeof values]);
if (missing.length) {
  console.error(`usage: npm run scanner -- --endpoint http://host:3000 --auth-token <key> --path /folder --library <id>  (missing: ${missing.join(', ')})`);
  process.exit(2);
}
const endpoint = values.endpoint!.replace(/\/$/, '');
const headers = { authorization: `Bearer ${values['auth-token']}`, 'content-type': 'application/json' };
const root = resolve(values.path!);
const base = `${endpoint}/api/v1/library/${encodeURIComponent(values.library!)}`;

async function call(method: string, url: string, body?: unknown) {
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json().catch(() => null);
  return { status: res.status, body: json };
}

async function main() {
  const known = await call('GET', `${base}/files`);
  if (known.status !== 200) throw new Error(`the server refused (${known.status}): ${known.body?.error?.message ?? 'no message'}`);
  const have = new Map((known.body as { path: string; size: number; mtime_ms: number }[]).map((f) => [f.path, f]));
  const ffprobe = await resolveBinary('ffprobe', { envValue: process.env.FFPROBE_PATH, searchPath: process.env.PATH ?? '' });
  const { files, issues } = await walkLibrary(root, { isMediaFile: isVideoFile });
  for (const i of issues) console.warn(`[scanner] ${i.path}: ${i.message}`);

  const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++];
      const prior = have.get(f.path);
      if (prior && prior.size === f.size && prior.mtime_ms === f.mtimeMs) {
        counts.unchanged++;
        continue;
      }
      let media_info = null;
      let probe_error = null;
      try {
        media_info = await probeFile(f.path, { ffprobePath: ffprobe.path });
      } catch (err) {
        if (!(err instanceof ProbeError)) throw err;
        probe_error = err.message;
      }
      const item = { path: f.path, rel_path: f.relPath, size: f.size, mtime_ms: f.mtimeMs, head_tail_hash: await headTailHash(f.path).catch(() => null), media_info, probe_error };
      const res = await call('POST', `${base}/media`, { item });
      if (res.status === 201) counts[prior ? 'updated' : res.body.created ? 'created' : 'unchanged']++;
      else if (res.status === 400) {
        counts.skipped++;
        console.warn(`[scanner] skipped ${f.relPath}: ${res.body?.error?.message}`);
      } else {
        counts.failed++;
        console.error(`[scanner] ${f.relPath}: ${res.status} ${res.body?.error?.message ?? ''}`);
      }
    }
  };
  const n = Number(values.concurrency ?? availableParallelism());
  await Promise.all(Array.from({ length: Math.max(1, n) }, worker));
  console.log(`[scanner] ${files.length} files: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.failed} failed`);
  if (counts.failed > 0) process.exit(1);
}

main().catch((err) => {
  console.error(`[scanner] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
