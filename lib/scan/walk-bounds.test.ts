// The walker on hostile trees: symlinks out of the library or round a loop are skipped with an
// issue (links inside still work), and however many folders there are, only `concurrency` of them
// (plus entries being stat'ed) are open at once.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkFolders } from './walk-folders';
import { isVideoFile } from './walk-library';

const base = mkdtempSync(join(tmpdir(), 'marquee-walk-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('symlinks', () => {
  it('follows links that stay in the library, never out of it or round a loop', async () => {
    const lib = join(base, 'lib');
    const outside = join(base, 'outside');
    mkdirSync(join(lib, 'Movies/Real (2020)'), { recursive: true });
    mkdirSync(join(lib, 'Other'), { recursive: true });
    mkdirSync(join(outside, 'Secret (2021)'), { recursive: true });
    writeFileSync(join(lib, 'Movies/Real (2020)/Real (2020).mkv'), 'x');
    writeFileSync(join(lib, 'Other/Kept (2019).mkv'), 'y');
    writeFileSync(join(outside, 'Secret (2021)/Secret (2021).mkv'), 'z');
    symlinkSync(join(lib, 'Other'), join(lib, 'Movies/linked-inside')); // a folder inside: walked
    symlinkSync(join(lib, 'Other/Kept (2019).mkv'), join(lib, 'Movies/Kept link (2019).mkv')); // a file inside: walked
    symlinkSync(outside, join(lib, 'Movies/escape')); // a folder outside: skipped
    symlinkSync(join(outside, 'Secret (2021)/Secret (2021).mkv'), join(lib, 'Movies/Secret link (2021).mkv')); // a file outside: skipped
    symlinkSync(join(lib, 'Movies'), join(lib, 'Movies/Real (2020)/loop')); // back to a parent
    symlinkSync('/proc', join(lib, 'proc')); // the classic

    const walked = await walkFolders([lib], { isMediaFile: isVideoFile });
    expect(walked.files.map((f) => f.relPath).sort()).toEqual(
      ['Movies/Kept link (2019).mkv', 'Movies/Real (2020)/Real (2020).mkv', 'Movies/linked-inside/Kept (2019).mkv', 'Other/Kept (2019).mkv'].sort(),
    );
    const issues = Object.fromEntries(walked.issues.map((i) => [i.path.slice(lib.length + 1), i.reason]));
    expect(issues).toEqual({
      'Movies/escape': 'outside_library',
      'Movies/Secret link (2021).mkv': 'outside_library',
      proc: 'outside_library',
      'Movies/Real (2020)/loop': 'symlink_loop',
    });
  });
});

describe('descriptors', () => {
  it('holds at most about `concurrency` descriptors open, however wide the tree', async () => {
    const wide = join(base, 'wide');
    for (let d = 0; d < 300; d++) {
      const dir = join(wide, `Show ${d}/Season 01`);
      mkdirSync(dir, { recursive: true });
      for (let f = 0; f < 3; f++) writeFileSync(join(dir, `Show ${d} - S01E0${f + 1}.mkv`), '');
    }
    const openFds = () => readdirSync('/proc/self/fd').length;
    const baseline = openFds();
    let peak = baseline;
    // Sample between the walk's I/O callbacks.
    const sampler = setInterval(() => (peak = Math.max(peak, openFds())), 0);
    const walked = await walkFolders([wide], { isMediaFile: isVideoFile, concurrency: 4 });
    clearInterval(sampler);
    expect(walked.files).toHaveLength(900);
    expect(walked.issues).toEqual([]);
    expect(peak - baseline).toBeLessThanOrEqual(4 + 4);
    expect(openFds()).toBeLessThanOrEqual(baseline + 1);
  });
});
