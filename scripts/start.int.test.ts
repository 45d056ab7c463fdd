import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('npm start with a bad configuration', () => {
  it('stops with one line naming every bad key', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/start.ts')], {
      cwd: root,
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: 'mysql://nope', TRANSCODE_PRESET: 'warp' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n').filter((l) => l.includes('[marquee]'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[marquee\] Invalid configuration: /);
    for (const key of ['PORT', 'DATABASE_URL', 'TRANSCODE_PRESET']) expect(lines[0]).toContain(key);
  });
});
