// CPU use of a running process (Linux): utime + stime from /proc/<pid>/stat, in clock ticks
// (USER_HZ, 100 on Linux for userspace), sampled twice to get a percentage of one core.
import { readFile } from 'node:fs/promises';

const TICKS_PER_SECOND = 100;

/** Seconds of CPU the process has used, or null when it is gone (or this is not Linux). */
export async function cpuSeconds(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime + stime) ? (utime + stime) / TICKS_PER_SECOND : null;
}

/** A sampler: each call returns the CPU % (of one core) since the previous call, null on the first. */
export function cpuSampler(pid: number): () => Promise<number | null> {
  let last: { cpu: number; at: number } | null = null;
  return async () => {
    const cpu = await cpuSeconds(pid);
    const at = performance.now();
    if (cpu === null) return null;
    const prev = last;
    last = { cpu, at };
    if (!prev || at <= prev.at) return null;
    return Math.round(((cpu - prev.cpu) / ((at - prev.at) / 1000)) * 1000) / 10;
  };
}
