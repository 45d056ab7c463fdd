// `npm run parse-names`: reads names or library-relative paths from stdin, one per line, and
// prints one JSON object per line with what the file-name parser makes of each. Blank lines are
// skipped. `--hint movies|tv|videos` parses as if the paths came from that kind of library.
import { parseMediaPath, parseOutput, type LibraryHint } from '../lib/scan/parse-name';

const HINTS: readonly LibraryHint[] = ['movies', 'tv', 'videos'];

function readHint(argv: string[]): LibraryHint | undefined {
  const flag = argv.findIndex((arg) => arg === '--hint' || arg.startsWith('--hint='));
  if (flag === -1) return undefined;
  const value = argv[flag].includes('=') ? argv[flag].split('=')[1] : argv[flag + 1];
  if (!HINTS.includes(value as LibraryHint)) {
    process.stderr.write(`parse-names: --hint must be one of ${HINTS.join(', ')}\n`);
    process.exit(2);
  }
  return value as LibraryHint;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const hint = readHint(process.argv.slice(2));
  const lines = (await readStdin()).split(/\r?\n/u);
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const parsed = parseMediaPath(line, hint);
    out.push(JSON.stringify({ input: line, ...parseOutput(parsed) }));
  }
  if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
}

await main();
