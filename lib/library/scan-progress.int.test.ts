// The scan progress stream follows a real scan through the job events alone: its fallback re-read
// is set to a minute, so every event the test sees was woken by `jobs.queued` / `jobs.changed`.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobQueue } from '@/lib/jobs/job-queue';
import { jobDefinitions } from '@/scanner-worker/jobs';
import { createRegistry } from '@/lib/jobs/registry';
import { startJobRunner } from '@/lib/jobs/runner';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { waitFor } from '@/test/wait-for';
import { type ScanProgress, scanProgressStream } from './scan-progress';

let token: string;
let root: string;

beforeAll(async () => {
  token = (await signUp('watcher')).token;
  root = await copySampleLibrary();
}, 120_000);

afterAll(() => removeTestMedia());

describe('scan progress stream', () => {
  it('sends queued, scanning and the finished state as the worker reports them, with no polling', async () => {
    const created = await api('POST', '/api/v1/library', { token, body: { name: 'TV', path: join(root, 'TV'), type: 'tv' } });
    expect(created.status).toBe(201);
    const abort = new AbortController();
    const seen: ScanProgress[] = [];
    const reader = scanProgressStream(created.body.id, abort.signal, { fallbackMs: 60_000 }).getReader();
    const decoder = new TextDecoder();
    void (async () => {
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += decoder.decode(value);
        for (const m of buffered.matchAll(/event: progress\ndata: (.*)\n\n/g)) seen.push(JSON.parse(m[1]));
        buffered = buffered.slice(buffered.lastIndexOf('\n\n') + 2);
      }
    })();
    await waitFor(() => seen.length > 0, { what: 'the first event' });
    expect(seen[0].status).toBe('queued');

    const runner = startJobRunner({ queue: jobQueue(), registry: createRegistry(jobDefinitions), workerId: 'progress-test', pollMs: 60_000, concurrency: 2, log: { info() {}, warn() {}, error: console.error } });
    try {
      const last = await waitFor(() => seen.find((p) => p.status !== 'queued' && p.status !== 'scanning' && p.last_scan_at), { what: 'the finished scan', timeoutMs: 30_000 });
      expect(seen.some((p) => p.status === 'scanning')).toBe(true);
      expect(last.media_count).toBeGreaterThan(0);
    } finally {
      abort.abort();
      await runner.stop();
    }
  });
});
