// A worker out of file descriptors: the scan fails with a clear error instead of "finishing" with 0
// files (and nothing it had is removed), and /api/health says "degraded" with the reason, from the
// worker's heartbeat. The exhaustion is real: a child process opens descriptors until EMFILE.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProcessEnv, config } from '@/lib/config';
import { db } from '@/lib/db';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';

let token: string;
const root = join(import.meta.dirname, '../..');

beforeAll(async () => {
  token = (await signUp('fdadmin')).token;
});
afterAll(() => removeTestMedia());

describe('a scan that runs out of file descriptors', () => {
  it('fails with a clear error, removes nothing, and health reports the worker degraded', async () => {
    const media = await copySampleLibrary();
    const lib = await api('POST', '/api/v1/library', { token, body: { name: 'Everything', paths: [media], type: 'mixed' } });
    expect(lib.status).toBe(201);
    const id = lib.body.id as string;
    expect(await scanLibrary(id, {}, await realScanDeps())).toMatchObject({ files: 5 });

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/tools/scan-without-fds.ts', id, 'fd-starved-worker'], { cwd: root, env: childProcessEnv(config(), { DATABASE_URL: config().db.url }), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const [code] = await once(child, 'exit');
    expect(code, out).toBe(0);
    const outcome = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(outcome.held).toBeGreaterThan(100);
    expect(outcome).toMatchObject({ ok: false, code: 'EMFILE', message: expect.stringMatching(/^Out of file descriptors \(EMFILE\) while reading .*nothing was removed/) });

    expect(await db.mediaFile.count({ where: { libraryId: id, status: 'ok' } })).toBe(5);
    expect(await db.mediaItem.count({ where: { libraryId: id } })).toBe(2);
    expect((await db.library.findUniqueOrThrow({ where: { id } })).scanStatus).toBe('error');

    const health = await api('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.worker.fd_errors).toBeGreaterThanOrEqual(1);
    expect(health.body.reasons).toContainEqual(expect.stringMatching(/ran out of file descriptors \(EMFILE\/ENFILE\) \d+ times? in the last 5 minutes/));

    // Descriptors back: the next scan works and finds everything where it was.
    expect(await scanLibrary(id, {}, await realScanDeps())).toMatchObject({ files: 5, unchanged: 5, removed: 0, vanished: 0 });
  }, 120_000);
});
