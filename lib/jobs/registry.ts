// The job types a worker can run, checked at boot: a name with two handlers, or a job the worker
// must run with none, refuses to start rather than failing jobs at run time.
import type { AnyJobDefinition } from './define-job';

export interface JobRegistry {
  get(name: string): AnyJobDefinition | undefined;
  names(): string[];
  /** Throws naming every job that has no handler here. */
  assertHandlersFor(names: readonly string[]): void;
}

export function createRegistry(defs: readonly AnyJobDefinition[]): JobRegistry {
  const byName = new Map<string, AnyJobDefinition>();
  for (const def of defs) {
    if (byName.has(def.name)) throw new Error(`job "${def.name}" has two handlers: each job name must be defined once`);
    byName.set(def.name, def);
  }
  return {
    get: (name) => byName.get(name),
    names: () => [...byName.keys()],
    assertHandlersFor(names) {
      const missing = [...new Set(names)].filter((name) => !byName.has(name));
      if (missing.length > 0) throw new Error(`no handler for job ${missing.map((n) => `"${n}"`).join(', ')}`);
    },
  };
}
