// The facts every benchmark records next to its figures: date, commit, and the machine.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';

/** `- Date: …; commit …` and `- Machine: …` lines for RESULTS.md; `extra` is appended to the machine line. */
export function factLines(extra = ''): string[] {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '?';
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  return [
    `- Date: ${new Date().toISOString()}; commit ${commit}`,
    `- Machine: nproc ${availableParallelism()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, CPU "${cpu}", node ${process.version}${extra}`,
  ];
}

export const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');

/** Runs a benchmark's main and exits with its outcome (the app and timers must not keep it alive). */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(1);
    },
  );
}
