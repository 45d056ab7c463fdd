// Admin → Backup's API: admins only, "Export now" queues one export job, the files listed with
// sizes and downloadable by their own names only, and a failed run shown with its reason.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { runBackup } from '@/lib/backup/backup-files';
import { api, signUp } from './api';

let admin: Awaited<ReturnType<typeof signUp>>;
let plain: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  admin = await signUp('boss');
  await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { registration: 'open' } });
  plain = await signUp('plain');
});

describe('/api/v1/admin/backups', () => {
  it('is for admins only', async () => {
    expect((await api('GET', '/api/v1/admin/backups')).status).toBe(401);
    expect((await api('GET', '/api/v1/admin/backups', { token: plain.token })).status).toBe(403);
    expect((await api('POST', '/api/v1/admin/backups', { token: plain.token })).status).toBe(403);
  });

  it('queues one export at a time, and shows the schedule', async () => {
    const first = await api('POST', '/api/v1/admin/backups', { token: admin.token });
    expect(first.status).toBe(202);
    const again = await api('POST', '/api/v1/admin/backups', { token: admin.token });
    expect(again.body.job_id).toBe(first.body.job_id);
    const overview = await api('GET', '/api/v1/admin/backups', { token: admin.token });
    expect(overview.body.schedule).toMatchObject({ cron: '0 6 * * 0', keep: 8, folder: config().backup.dir });
    expect(new Date(overview.body.schedule.next_at).getDay()).toBe(0);
    expect(overview.body.last).toBeNull();
  });

  it('lists each file with its size and serves it by its own name only', async () => {
    const run = await runBackup('manual');
    const overview = await api('GET', '/api/v1/admin/backups', { token: admin.token });
    expect(overview.body.files).toEqual([{ name: run.file, size: run.size, created_at: expect.any(String) }]);
    expect(overview.body.last).toMatchObject({ ok: true, reason: 'manual', file: run.file });
    const file = await api('GET', `/api/v1/admin/backups/${run.file}`, { token: admin.token });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${run.file}"`);
    expect(file.body.format).toBe('marquee-export');
    expect(file.body.tables.User.map((u: { username: string }) => u.username).sort()).toEqual([admin.username, plain.username].sort());
    writeFileSync(join(config().backup.dir, 'notes.json'), '{}');
    for (const name of ['notes.json', '..%2Fauth-secret', `${run.file}.partial`, 'marquee-export-20200101-000000.json']) {
      const r = await api('GET', `/api/v1/admin/backups/${name}`, { token: admin.token });
      expect(r.status, name).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
    expect((await api('GET', `/api/v1/admin/backups/${run.file}`, { token: plain.token })).status).toBe(403);
  });

  it('shows a failed run with its reason, in health too', async () => {
    const { dir } = config().backup;
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'in the way');
    try {
      await expect(runBackup('scheduled')).rejects.toThrow();
    } finally {
      rmSync(dir, { force: true });
    }
    const overview = await api('GET', '/api/v1/admin/backups', { token: admin.token });
    expect(overview.body.last).toMatchObject({ ok: false, reason: 'scheduled', file: null });
    expect(overview.body.files).toEqual([]);
    const health = await api('GET', '/api/health');
    expect(health.body.status).toBe('degraded');
    expect(health.body.backup).toMatchObject({ ok: false, error: expect.stringMatching(/EEXIST|ENOTDIR|not a directory|exists/i) });
  });
});
