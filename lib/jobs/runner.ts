// Runs jobs from a queue: polls, claims up to `concurrency` at a time, parses each payload with its
// schema, calls the handler with an AbortSignal and a progress callback, queues the follow-ups the
// registry's pipeline declares for it, then completes or fails it.
// While a job runs its lock is renewed on a timer, which is also when a cancel request is noticed.
import { noteFdExhaustion } from '@/lib/errors/fd-exhaustion';
import { z } from 'zod';
import type { AnyJobDefinition, JobContext } from './define-job';
import type { JobQueue, JobRecord, RunState } from './queue';
import type { JobRegistry } from './registry';
import { backgroundHeld } from './background-hold';
import { jobChanged, onJobEnqueued } from './enqueued';
import { queueFollowUps } from './follow-ups';
import { notify } from '@/lib/events/events';

export interface JobLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

export interface JobRunnerOptions {
  queue: JobQueue;
  registry: JobRegistry;
  workerId: string;
  /** How long to wait before asking again when nothing is due. */
  pollMs: number;
  concurrency: number;
  /** Aborting it stops claiming and aborts every running handler (hard stop). */
  signal?: AbortSignal;
  log: JobLog;
  /** Lock renewal and cancel check while a job runs; default 2 s. */
  checkEveryMs?: number;
  /** At most one progress write per job per this many ms; default 1 s. */
  progressEveryMs?: number;
}

export interface JobRunner {
  /** Stops claiming and waits for running jobs to settle (they are not aborted). */
  stop(): Promise<void>;
}

export class JobCancelledError extends Error {
  constructor() {
    super('job cancelled');
    this.name = 'AbortError';
  }
}

export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const { queue, registry, workerId, pollMs, log, signal } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const checkEveryMs = options.checkEveryMs ?? 2_000;
  const progressEveryMs = options.progressEveryMs ?? 1_000;
  const names = registry.names();
  const foregroundNames = names.filter((n) => !registry.get(n)?.background);
  const dedicatedNames = names.filter((n) => registry.get(n)?.dedicated);
  let foregroundRunning = 0;
  let dedicatedRunning = 0;
  const running = new Set<Promise<void>>();
  const controllers = new Set<AbortController>();
  let stopping = false;
  let wake: (() => void) | undefined;
  // A wake-up that came while the loop was busy (claiming): the next pause ends at once, so a job
  // queued between an empty claim and the pause is not left waiting for the next poll.
  let kicked = false;
  const kick = () => {
    if (wake) wake();
    else kicked = true;
  };

  /** Resolves after `ms`, or earlier when a slot frees up, a job is queued, or the runner stops. */
  function pause(ms: number): Promise<void> {
    if (kicked || stopping) {
      kicked = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        kicked = false;
        resolve();
      }
      wake = done;
    });
  }

  function onShutdown() {
    stopping = true;
    for (const controller of controllers) controller.abort(new Error('worker shutting down'));
    wake?.();
  }
  if (signal?.aborted) onShutdown();
  else signal?.addEventListener('abort', onShutdown, { once: true });
  // A job queued by this process (a watcher, a finished scan) is claimed at once, not at the next poll.
  const unsubscribe = onJobEnqueued(kick);

  async function loop(): Promise<void> {
    while (!stopping) {
      const full = running.size - dedicatedRunning >= concurrency;
      // Background work never takes the last shared slot: one is always free for a scan asked for now.
      const backgroundFull = running.size - dedicatedRunning - foregroundRunning >= Math.max(1, concurrency - 1);
      const claimable = full ? dedicatedNames : foregroundRunning > 0 || backgroundHeld() || backgroundFull ? foregroundNames : names;
      if (claimable.length === 0) {
        await pause(pollMs);
        continue;
      }
      let job: JobRecord | null;
      try {
        job = await queue.claim(workerId, claimable);
      } catch (err) {
        log.error('[jobs] claim failed', err);
        await pause(pollMs);
        continue;
      }
      if (!job) {
        await pause(pollMs);
        continue;
      }
      const kind = registry.get(job.name);
      const dedicated = !!kind?.dedicated;
      const foreground = !kind?.background && !dedicated;
      if (foreground) foregroundRunning++;
      if (dedicated) dedicatedRunning++;
      const task = run(job).catch((err) => log.error(`[jobs] ${job.name} ${job.id}: runner error`, err));
      running.add(task);
      void task.finally(() => {
        running.delete(task);
        if (foreground) foregroundRunning--;
        if (dedicated) dedicatedRunning--;
        kick();
      });
    }
  }

  async function run(job: JobRecord): Promise<void> {
    const def = registry.get(job.name) as AnyJobDefinition;
    const parsed = def.schema.safeParse(job.payload);
    if (!parsed.success) {
      // Retrying cannot fix a payload the schema rejects.
      await queue.fail(job.id, new Error(`invalid payload: ${z.prettifyError(parsed.error)}`), { retry: false });
      log.warn(`[jobs] ${job.name} ${job.id}: invalid payload, failed without retry`);
      return;
    }

    const changed = (status: 'running' | 'completed' | 'failed' | 'queued' | 'cancelled') => {
      try {
        notify(jobChanged, { id: job.id, name: job.name, key: job.dedupeKey, status });
      } catch (err) {
        log.warn(`[jobs] ${job.name} ${job.id}: change not announced: ${(err as Error).message}`);
      }
    };
    changed('running');
    const controller = new AbortController();
    controllers.add(controller);
    if (signal?.aborted) controller.abort(new Error('worker shutting down'));
    let lost = false;

    function act(state: RunState) {
      if (state === 'cancelRequested' && !controller.signal.aborted) controller.abort(new JobCancelledError());
      if (state === 'lost' && !lost) {
        lost = true;
        controller.abort(new Error('job lock lost'));
      }
    }

    let checking = false;
    const timer = setInterval(async () => {
      if (checking) return;
      checking = true;
      try {
        act(await queue.renew(job.id, workerId));
      } catch (err) {
        log.warn(`[jobs] ${job.name} ${job.id}: lock renewal failed: ${(err as Error).message}`);
      } finally {
        checking = false;
      }
    }, checkEveryMs);

    let lastProgressAt = 0;
    const ctx: JobContext = {
      jobId: job.id,
      signal: controller.signal,
      async progress(fraction, message) {
        const now = Date.now();
        if (now - lastProgressAt < progressEveryMs) return;
        lastProgressAt = now;
        try {
          act(await queue.progress(job.id, fraction, message));
          changed('running');
        } catch (err) {
          log.warn(`[jobs] ${job.name} ${job.id}: progress not saved: ${(err as Error).message}`);
        }
      },
    };

    try {
      const result = await Promise.resolve().then(() => def.handle(parsed.data, ctx));
      if (lost) log.warn(`[jobs] ${job.name} ${job.id}: finished after its lock was lost; result dropped`);
      else {
        // Follow-ups are queued before the job completes: a failure to queue them fails the job like its handler would.
        const step = registry.followUpsOf(job.name);
        await queue.complete(job.id, step ? await queueFollowUps(queue, step, result) : result);
        changed('completed');
      }
    } catch (err) {
      if (lost) {
        log.warn(`[jobs] ${job.name} ${job.id}: stopped after its lock was lost`);
      } else {
        noteFdExhaustion(err); // reported by the heartbeat: /api/health says degraded
        const status = await queue.fail(job.id, err);
        changed(status === 'queued' ? 'queued' : status === 'cancelled' ? 'cancelled' : 'failed');
        const reason = err instanceof Error ? err.message : String(err);
        log.warn(`[jobs] ${job.name} ${job.id}: attempt ${job.attempts} ended: ${reason} → ${status}`);
      }
    } finally {
      clearInterval(timer);
      controllers.delete(controller);
    }
  }

  const looping = loop();

  return {
    async stop() {
      stopping = true;
      unsubscribe();
      wake?.();
      await looping;
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
