// Reading a .cpuprofile (written by bench/load/profile-preload.mjs): where a process spent its CPU.
import { readFileSync } from 'node:fs';

type CallFrame = { functionName: string; url: string; lineNumber: number };
type Frame = { callFrame: CallFrame; id: number };

/** Self time (ms) of a .cpuprofile summed by `keyOf(frame)`, biggest first, with the total. */
function selfTime(file: string, keyOf: (f: CallFrame) => string): { by: [string, number][]; total: number } {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Frame[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(prof.nodes.map((node) => [node.id, node]));
  const by = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const key = keyOf(byId.get(id)!.callFrame);
    const dt = (prof.timeDeltas[i] ?? 0) / 1000;
    by.set(key, (by.get(key) ?? 0) + dt);
    total += dt;
  });
  return { by: [...by.entries()].sort((a, b) => b[1] - a[1]), total };
}

/** Self time per function of a .cpuprofile, top `n`, as "name (file:line) — ms, %". */
export function topFrames(file: string, n = 12): string[] {
  const { by, total } = selfTime(file, (f) => {
    const short = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(lib|server|app)\//, '$1/');
    return `${f.functionName || '(anonymous)'} (${short || 'native'}${f.url ? `:${f.lineNumber + 1}` : ''})`;
  });
  return by.slice(0, n).map(([k, ms]) => `${k} — ${ms.toFixed(0)} ms, ${((100 * ms) / total).toFixed(1)} %`);
}

/** Self time of a .cpuprofile by where it went: Prisma's query compiler, SQLite, Next, streams, GC, our code, idle. */
export function cpuByArea(file: string): string {
  const area = ({ functionName: fn, url }: CallFrame): string => {
    if (fn === '(idle)') return 'idle';
    if (fn === '(garbage collector)') return 'garbage collection';
    if (url.startsWith('wasm://')) return "Prisma's query compiler (WebAssembly)";
    if (/better-sqlite3|adapter-better-sqlite3/.test(url) || (!url && /^(all|get|run|prepare|Statement|iterate)$/.test(fn))) return 'SQLite (driver and adapter)';
    if (/@prisma|\/client\/runtime/.test(url)) return 'Prisma client';
    if (/node:internal\/webstreams|undici/.test(url)) return 'web streams and fetch Request/Response';
    if (/next\/dist|react/.test(url)) return 'Next.js and React';
    if (/\/chunks\/(lib|app|server)_/.test(url)) return 'our code';
    if (url.startsWith('node:') || !url) return 'Node (HTTP, sockets, timers, native)';
    return 'other (bundled chunks: Next, zod, Prisma runtime)';
  };
  const { by, total } = selfTime(file, area);
  return by.map(([k, ms]) => `${k} ${((100 * ms) / total).toFixed(0)} %`).join(', ');
}
