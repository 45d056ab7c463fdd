import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { childProcessEnv, config } from '@/lib/config';
import { latestHeartbeat } from '@/lib/jobs/reads/worker-health';
import { jobQueue } from '@/lib/jobs/job-queue';
import { systemCleanupJob } from '@/lib/system/system-cleanup-job';
import { waitFor } from '@/test/wait-for';

let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
});

describe('scanner-worker', () => {
  it('beats, runs system.cleanup and stops cleanly on SIGTERM', async () => {
    const c = config();
    child = spawn(process.execPath, ['--import', 'tsx', 'scanner-worker/main.ts'], {
      env: childProcessEnv(c, { DATABASE_URL: c.db.url, WORKER_HEARTBEAT_MS: '200', JOB_POLL_MS: '50' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const started = Date.now();
    // A timeout says nothing by itself: show what the worker said, and when.
    onTestFailed(() => console.error(`worker output after ${Date.now() - started} ms:\n${output}`));
    child.stdout?.on('data', (chunk) => (output += `[${Date.now() - started} ms] ${chunk}`));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const exited = once(child, 'exit');
    const explained = <T>(waiting: Promise<T>) =>
      waiting.catch((err: Error) => {
        throw new Error(`${err.message}; worker output:\n${output}`);
      });

    const first = await explained(waitFor(latestHeartbeat, { timeoutMs: 60_000, what: 'a heartbeat' }));
    await explained(
      waitFor(async () => ((await latestHeartbeat()) ?? first) > first, { what: 'a second heartbeat' }),
    );
    const workerId = /\[worker\] ready \(id (\S+), \d+ job types\)/.exec(output)?.[1];
    expect(workerId, output).toBeDefined();

    const { id } = await jobQueue().enqueue(systemCleanupJob, {});
    const done = await explained(
      waitFor(async () => {
        const job = await jobQueue().get(id);
        return job?.status === 'completed' ? job : null;
      }, { what: 'system.cleanup to complete' }),
    );
    expect(done.lockedBy).toBe(workerId);

    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect({ code, signal, output }).toMatchObject({ code: 0, signal: null });
    // A whole worker process starts here (tsx compiles its imports): on a loaded CI machine, running
    // other test files beside it, that alone has taken over 20 s.
  }, 150_000);
});
