// The job types a worker can run, checked at boot: a name with two handlers, or a job the worker
// must run with none, refuses to start rather than failing jobs at run time. It also holds the
// pipeline: which jobs follow a job's success (follow-ups.ts).
import type { AnyJobDefinition } from './define-job';
import type { PipelineStep } from './follow-ups';

export interface JobRegistry {
  get(name: string): AnyJobDefinition | undefined;
  names(): string[];
  /** Throws naming every job that has no handler here. */
  assertHandlersFor(names: readonly string[]): void;
  /** What follows a success of this job, if anything. */
  followUpsOf(name: string): PipelineStep | undefined;
}

export function createRegistry(defs: readonly AnyJobDefinition[], pipeline: readonly PipelineStep[] = []): JobRegistry {
  const byName = new Map<string, AnyJobDefinition>();
  for (const def of defs) {
    if (byName.has(def.name)) throw new Error(`job "${def.name}" has two handlers: each job name must be defined once`);
    byName.set(def.name, def);
  }
  const steps = new Map<string, PipelineStep>();
  for (const step of pipeline) {
    if (!byName.has(step.after)) throw new Error(`the pipeline follows job "${step.after}", which has no handler`);
    if (steps.has(step.after)) throw new Error(`job "${step.after}" has two pipeline steps: declare its follow-ups in one`);
    steps.set(step.after, step);
  }
  return {
    get: (name) => byName.get(name),
    names: () => [...byName.keys()],
    assertHandlersFor(names) {
      const missing = [...new Set(names)].filter((name) => !byName.has(name));
      if (missing.length > 0) throw new Error(`no handler for job ${missing.map((n) => `"${n}"`).join(', ')}`);
    },
    followUpsOf: (name) => steps.get(name),
  };
}
