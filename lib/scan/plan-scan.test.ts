import { describe, expect, it } from 'vitest';
import { planScan, type StoredFile } from './plan-scan';
import type { WalkedFile } from './walk-library';

const file = (path: string, size = 100, mtimeMs = 1, inode = `1:${path}`): WalkedFile => ({ path, relPath: path.slice(1), size, mtimeMs, inode });
const row = (id: string, f: WalkedFile, extra: Partial<StoredFile> = {}): StoredFile => ({
  id,
  path: f.path,
  size: f.size,
  mtimeMs: f.mtimeMs,
  inode: f.inode,
  headTailHash: null,
  status: 'ok',
  probed: true,
  ...extra,
});

describe('planScan', () => {
  it('leaves unchanged files alone, so a rescan probes nothing', () => {
    const a = file('/a.mkv');
    const b = file('/b.mkv');
    const plan = planScan([a, b], [row('1', a), row('2', b)]);
    expect(plan.unchanged).toHaveLength(2);
    expect(plan.changed.length + plan.added.length + plan.moved.length + plan.vanished.length).toBe(0);
  });

  it('re-probes every file when forced', () => {
    const a = file('/a.mkv');
    expect(planScan([a], [row('1', a)], { force: true }).changed).toHaveLength(1);
  });

  it.each([
    ['size', { size: 101 }],
    ['mtime', { mtimeMs: 2 }],
    ['inode (replaced by a new file of the same name)', { inode: '9:9' }],
  ])('sees a change of %s at the same path', (_, change) => {
    const a = file('/a.mkv');
    const plan = planScan([{ ...a, ...change }], [row('1', a)]);
    expect(plan.changed.map((c) => c.row.id)).toEqual(['1']);
  });

  it('re-probes a file whose earlier probe never happened', () => {
    const a = file('/a.mkv');
    expect(planScan([a], [row('1', a, { probed: false })]).changed).toHaveLength(1);
  });

  it('follows a rename or move by inode and size', () => {
    const before = file('/Show/S01E01.mkv', 100, 1, '1:42');
    const after = { ...before, path: '/Show/Season 1/Show - S01E01.mkv', relPath: 'Show/Season 1/Show - S01E01.mkv' };
    const plan = planScan([after], [row('1', before)]);
    expect(plan.moved).toEqual([{ row: expect.objectContaining({ id: '1' }), file: after }]);
    expect(plan.vanished).toEqual([]);
    expect(plan.added).toEqual([]);
  });

  it('reports vanished files and new ones', () => {
    const a = file('/a.mkv');
    const b = file('/b.mkv');
    const plan = planScan([b], [row('1', a)]);
    expect(plan.vanished.map((r) => r.id)).toEqual(['1']);
    expect(plan.added).toEqual([b]);
  });

  it('lets a missing file that reappears at its path be found again', () => {
    const a = file('/a.mkv');
    const plan = planScan([a], [row('1', a, { status: 'missing' })]);
    expect(plan.unchanged.map((u) => u.row.id)).toEqual(['1']);
  });
});
