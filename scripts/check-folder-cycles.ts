// `npm test`'s lint step: lib/ folders import each other without loops, and infrastructure never
// imports a domain (shared/DESIGN.md). Maps the imports of every non-test file under lib/ (`@/lib/…`
// and relative) to folder → folder edges, then prints each loop and each upward import with a file
// that makes it; exits 1 when there is one. Usage: tsx scripts/check-folder-cycles.ts [project dir]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The bottom of lib/: these import only each other. `auth` (passwords, tokens, API keys — no domain
 * in it) sits with them because lib/http's auth guards stand on it; `generated` is Prisma's client.
 */
export const INFRASTRUCTURE = new Set(['config', 'db', 'generated', 'migrate', 'errors', 'events', 'jobs', 'auth', 'http', 'cron']);

/** from → to → one file whose import makes the edge. */
export type FolderGraph = Map<string, Map<string, string>>;

const IMPORT = /(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;

/** The lib/ folder a path under lib/ belongs to (`lib/config.ts` is its own folder, `config`). */
function folderOf(pathInLib: string): string {
  const parts = pathInLib.split(sep);
  return parts.length > 1 ? parts[0] : parts[0].slice(0, parts[0].length - extname(parts[0]).length) || parts[0];
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated' && entry.name !== 'node_modules') yield* sourceFiles(path);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.contract.ts')) {
      yield path;
    }
  }
}

/** The folder edges of lib/ in a project, from each file's import specifiers. */
export function folderGraph(projectDir: string): FolderGraph {
  const lib = join(projectDir, 'lib');
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(lib)) {
    const from = folderOf(relative(lib, file));
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      let target: string;
      if (spec.startsWith('@/lib/')) target = join(lib, spec.slice('@/lib/'.length));
      else if (spec.startsWith('.')) target = normalize(join(dirname(file), spec));
      else continue;
      const inLib = relative(lib, target);
      if (inLib.startsWith('..') || inLib === '') continue;
      const to = folderOf(extname(inLib) ? inLib : `${inLib}.ts`);
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, relative(projectDir, file));
    }
  }
  return graph;
}

/** Every loop: the strongly connected components of more than one node (Tarjan), each sorted. */
export function findCycles(edges: ReadonlyMap<string, Iterable<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** Imports from an infrastructure folder up into a domain one. */
export function upwardEdges(graph: FolderGraph, infrastructure: ReadonlySet<string> = INFRASTRUCTURE): { from: string; to: string; file: string }[] {
  const found: { from: string; to: string; file: string }[] = [];
  for (const [from, targets] of graph) {
    if (!infrastructure.has(from)) continue;
    for (const [to, file] of targets) if (!infrastructure.has(to)) found.push({ from, to, file });
  }
  return found;
}

function main(projectDir: string): number {
  const graph = folderGraph(projectDir);
  const cycles = findCycles(new Map([...graph].map(([from, targets]) => [from, targets.keys()])));
  for (const cycle of cycles) {
    console.error(`lib folder cycle: ${cycle.join(' ')}`);
    for (const from of cycle) {
      for (const [to, file] of graph.get(from) ?? []) if (cycle.includes(to)) console.error(`  ${from} → ${to}  (${file})`);
    }
  }
  const upward = upwardEdges(graph);
  for (const { from, to, file } of upward) console.error(`infrastructure imports a domain: ${from} → ${to}  (${file})`);
  console.log(`lib folder cycles: ${cycles.length}, upward imports: ${upward.length}`);
  return cycles.length + upward.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(main(process.argv[2] ?? join(import.meta.dirname, '..')));
}
