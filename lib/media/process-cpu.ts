// CPU use of a running process (Linux): utime + stime from /proc/<pid>/stat, in clock ticks
// (USER_HZ, 100 on Linux for userspace), as a percentage of one core.
import { readFile } from 'node:fs/promises';

const TICKS_PER_SECOND = 100;

type CpuReading = { cpu: number; age: number };

/** Seconds of CPU the process has used and seconds since it started; null when it is gone (or this is not Linux). */
export async function cpuReading(pid: number): Promise<CpuReading | null> {
  const [stat, uptime] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null), readFile('/proc/uptime', 'utf8').catch(() => null)]);
  if (!stat || !uptime) return null;
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  const age = Number(uptime.split(' ')[0]) - Number(fields[19]) / TICKS_PER_SECOND;
  return Number.isFinite(cpu) && Number.isFinite(age) ? { cpu, age } : null;
}

/** A sampler: each call returns the CPU % (of one core) since the previous call — the first, since the process started. */
export function cpuSampler(pid: number): () => Promise<number | null> {
  let last: CpuReading | null = null;
  return async () => {
    const now = await cpuReading(pid);
    if (!now) return null;
    const prev = last ?? { cpu: 0, age: 0 };
    last = now;
    const wall = now.age - prev.age;
    return wall > 0 ? Math.round(((now.cpu - prev.cpu) / wall) * 1000) / 10 : null;
  };
}
