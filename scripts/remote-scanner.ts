// `npm run scanner -- --endpoint http://host:3000 --auth-token <scanner API key> --path /mnt/tv [--library <id>] [--once]`
// Scans a folder on this machine with the server's rules and keeps the server's library in step
// through the API: new, changed, moved and gone files (lib/remote-scanner). It keeps watching
// (the default, `--watch`) with a full pass every `--rescan-minutes`, or scans once and exits
// (`--once`). Without `--library` the server says which library has a folder holding the path.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveBinary } from '../lib/media/ffmpeg-path';
import { probeFile, ProbeError } from '../lib/media/probe';
import { startScanner } from '../lib/remote-scanner/run-scanner';
import { ScannerRefused } from '../lib/remote-scanner/scan-pass';
import { createScannerApi } from '../lib/remote-scanner/scanner-api';
import { headTailHash } from '../lib/scan/head-tail-hash';

const USAGE =
  'usage: npm run scanner -- --endpoint http://host:3000 --auth-token <key> --path /folder [--library <id>] [--server-path /folder/as/the/server/sees/it] [--once | --watch] [--rescan-minutes 60] [--concurrency N]';

const { values } = parseArgs({
  options: {
    endpoint: { type: 'string' },
    'auth-token': { type: 'string' },
    path: { type: 'string' },
    library: { type: 'string' },
    'server-path': { type: 'string' },
    once: { type: 'boolean', default: false },
    watch: { type: 'boolean', default: false },
    'rescan-minutes': { type: 'string', default: '60' },
    'settle-seconds': { type: 'string', default: '2' },
    concurrency: { type: 'string' },
  },
});
const missing = ['endpoint', 'auth-token', 'path'].filter((k) => !values[k as keyof typeof values]);
const numbers = { rescan: Number(values['rescan-minutes']), settle: Number(values['settle-seconds']), concurrency: Number(values.concurrency ?? availableParallelism()) };
const bad = [
  missing.length ? `missing: ${missing.join(', ')}` : '',
  values.once && values.watch ? '--once and --watch exclude each other' : '',
  !(numbers.rescan >= 0) ? '--rescan-minutes must be a number ≥ 0 (0: no periodic pass)' : '',
  !(numbers.settle >= 0) ? '--settle-seconds must be a number ≥ 0' : '',
  !(Number.isInteger(numbers.concurrency) && numbers.concurrency >= 1) ? '--concurrency must be a whole number ≥ 1' : '',
].filter(Boolean);
if (bad.length) {
  console.error(`${USAGE}\n(${bad.join('; ')})`);
  process.exit(2);
}

const log = { info: (m: string) => console.log(m), warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };

async function main() {
  const ffprobe = await resolveBinary('ffprobe', { envValue: process.env.FFPROBE_PATH, searchPath: process.env.PATH ?? '' });
  const api = createScannerApi({ endpoint: values.endpoint!, token: values['auth-token']!, log });
  const scanner = await startScanner(
    {
      root: resolve(values.path!),
      libraryId: values.library,
      serverPath: values['server-path'],
      once: values.once,
      rescanMs: numbers.rescan * 60_000,
      stableMs: numbers.settle * 1000,
      concurrency: numbers.concurrency,
    },
    {
      api,
      log,
      hash: (path) => headTailHash(path).catch(() => null),
      async probe(path) {
        try {
          return { media_info: await probeFile(path, { ffprobePath: ffprobe.path }), probe_error: null };
        } catch (err) {
          if (!(err instanceof ProbeError)) throw err;
          return { media_info: null, probe_error: err.message };
        }
      },
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log.info(`[scanner] ${signal}: stopping`);
      void scanner.stop();
    });
  }
  const { failed } = await scanner.done;
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(`[scanner] ${err instanceof ScannerRefused ? '' : 'error: '}${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
