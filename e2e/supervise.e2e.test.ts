// `npm start` supervises its two processes: a kill -9 of the worker or of the web brings that one
// back (health ok again) without touching the other; repeated crashes make it give up loudly on
// the worker while the web keeps serving; SIGTERM still stops everything with exit code 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, waitFor, type RunningApp } from './harness';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp({ SAMPLE_LIBRARY: 'false', WORKER_HEARTBEAT_MS: '1000', RESTART_LIMIT: '3', RESTART_WINDOW_SECONDS: '600' });
});

afterAll(async () => {
  if (app && app.process.exitCode === null) await app.stop();
});

type Health = { status: string; worker: { last_heartbeat: string | null } };
const health = async (): Promise<Health | null> => fetch(`${app.url}/api/health`).then((r) => r.json() as Promise<Health>, () => null);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the launcher supervises web and worker', () => {
  it('restarts a killed worker (health ok again, fresh heartbeat) and leaves the web alone', async () => {
    const before = app.pids()!;
    const killedAt = Date.now();
    process.kill(before.worker, 'SIGKILL');
    const after = await waitFor(() => (app.pids()!.worker !== before.worker ? app.pids() : null), { what: 'the worker to be restarted', timeoutMs: 60_000, intervalMs: 100 });
    expect(alive(after.worker)).toBe(true);
    expect(after.web).toBe(before.web);
    expect(app.output()).toMatch(/the worker stopped \(killed by SIGKILL\); restarting it in 1 s \(at \d\d:\d\d:\d\d UTC/);
    const ok = await waitFor(
      async () => {
        const h = await health();
        return h?.status === 'ok' && h.worker.last_heartbeat && Date.parse(h.worker.last_heartbeat) > killedAt ? h : null;
      },
      { what: 'health ok with a heartbeat of the new worker', timeoutMs: 90_000, intervalMs: 250 },
    );
    expect(ok.status).toBe('ok');
  });

  it('restarts a killed web process and never restarts the worker for it', async () => {
    const before = app.pids()!;
    process.kill(before.web, 'SIGKILL');
    const after = await waitFor(() => (app.pids()!.web !== before.web ? app.pids() : null), { what: 'the web to be restarted', timeoutMs: 60_000, intervalMs: 100 });
    expect(app.output()).toMatch(/the web stopped \(killed by SIGKILL\); restarting it in/);
    await waitFor(async () => (await health())?.status === 'ok', { what: 'health ok through the new web process', timeoutMs: 120_000, intervalMs: 250 });
    expect(app.pids()).toEqual({ web: after.web, worker: before.worker });
    expect(alive(before.worker)).toBe(true);
  });

  it('gives up on a worker that keeps crashing, loudly, while the web keeps serving; SIGTERM exits 0', async () => {
    // The first test's crash counts: two more reach RESTART_LIMIT=3.
    const first = app.pids()!;
    process.kill(first.worker, 'SIGKILL');
    const second = await waitFor(() => (app.pids()!.worker !== first.worker ? app.pids() : null), { what: 'the second restart', timeoutMs: 60_000, intervalMs: 100 });
    process.kill(second.worker, 'SIGKILL');
    await waitFor(() => app.output().includes('giving up on it'), { what: 'the launcher to give up', timeoutMs: 30_000, intervalMs: 100 });
    expect(app.output()).toMatch(/the worker stopped \(killed by SIGKILL\) — 3 crashes in 600 s: giving up on it/);
    expect(app.output()).toContain('the web keeps running without the worker');
    expect(app.process.exitCode).toBeNull();
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    expect(app.pids()!.web).toBe(first.web);
    expect(await app.stop()).toBe(0);
    expect(alive(first.web)).toBe(false);
  });
});
