// The launcher's supervisor with real child processes: restarts with doubling backoff and says why,
// gives up after repeated crashes, leaves a healthy child alone, and stop() never restarts.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { waitFor } from '@/test/wait-for';
import { supervise } from './supervise';

const node = (code: string) => () => spawn(process.execPath, ['-e', code], { stdio: 'ignore' });

describe('supervise', () => {
  it('restarts a crashing child with doubling backoff, says why and when, then gives up loudly', async () => {
    const lines: string[] = [];
    const starts: number[] = [];
    let gaveUp = 0;
    const s = supervise({
      name: 'worker',
      start: node('process.exit(3)'),
      maxCrashes: 3,
      windowMs: 60_000,
      backoffMs: 50,
      log: (l) => lines.push(l),
      onStart: () => starts.push(Date.now()),
      onGiveUp: () => gaveUp++,
    });
    await waitFor(() => s.gaveUp, { what: 'the supervisor to give up', timeoutMs: 20_000 });
    expect(starts).toHaveLength(3);
    expect(s.restarts).toBe(2);
    expect(gaveUp).toBe(1);
    expect(lines[0]).toMatch(/^the worker stopped \(exit code 3\); restarting it in 0\.05 s \(at \d\d:\d\d:\d\d UTC; crash 1 of 3/);
    expect(lines[1]).toMatch(/restarting it in 0\.1 s .*crash 2 of 3/);
    expect(lines[2]).toMatch(/^the worker stopped \(exit code 3\) — 3 crashes in 60 s: giving up on it/);
    // The backoff doubled: the second wait was at least the doubled delay.
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(100);
    expect(s.child).toBeNull();
  });

  it('names the signal of a kill -9, restarts the child, and stop() ends it for good', async () => {
    const lines: string[] = [];
    const pids: number[] = [];
    const s = supervise({
      name: 'web',
      start: node('setInterval(() => {}, 1000)'),
      maxCrashes: 5,
      windowMs: 60_000,
      backoffMs: 50,
      log: (l) => lines.push(l),
      onStart: (c) => pids.push(c.pid!),
    });
    await waitFor(() => pids.length === 1);
    process.kill(pids[0], 'SIGKILL');
    await waitFor(() => pids.length === 2 && s.child?.pid === pids[1], { what: 'the restart', timeoutMs: 20_000 });
    expect(lines).toEqual([expect.stringMatching(/^the web stopped \(killed by SIGKILL\); restarting it in 0\.05 s/)]);
    const last = s.child!;
    await s.stop();
    expect(last.signalCode).toBe('SIGTERM');
    expect(s.gaveUp).toBe(false);
    expect(pids).toHaveLength(2);
    expect(lines).toHaveLength(1);
  });
});
