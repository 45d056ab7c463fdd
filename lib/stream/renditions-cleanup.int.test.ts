// Issue #17: renditions leave with their file. Real ladders made by ffmpeg (tiny clips, one rung
// each) are removed from RENDITIONS_DIR when the scan finds their file gone and it is purged, when
// an admin deletes the item, when the library's ladder is turned off, and when the library is
// deleted; a ladder finished after its file went is not kept; system.cleanup sweeps up orphans.
// Nothing outside RENDITIONS_DIR is touched: a symlink there is unlinked, not followed. Run a second
// time with the bundled 2018 ffmpeg (scripts/test.sh runs lib/stream with it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { renditionsDir } from '@/lib/media/rendition-files';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { systemCleanupJob } from '@/lib/system/system-cleanup-job';
import { api, signUp } from '@/test/api';
import { fixtureFfmpeg } from '@/test/fixture-ffmpeg';
import { renditionsJob } from './renditions-job';

let token: string;
let root: string;
const outside = mkdtempSync(join(tmpdir(), 'marquee-outside-'));
const ctx = { jobId: 'test', signal: new AbortController().signal, progress: async () => undefined };

async function clip(path: string): Promise<void> {
  mkdirSync(join(path, '..'), { recursive: true });
  execFileSync(await fixtureFfmpeg(), ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=192x108:rate=12', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', '1', '-map', '0:v', '-map', '1:a', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-y', path]);
}

/** A library of movies with a one-rung ladder, scanned, its renditions made by the real job. */
async function libraryWithRenditions(name: string, titles: string[]): Promise<{ id: string; files: Map<string, string> }> {
  const folder = join(root, name);
  for (const t of titles) await clip(join(folder, `${t}/${t}.mp4`));
  const lib = await api('POST', '/api/v1/library', { token, body: { name, path: folder, type: 'movies' } });
  expect(lib.status).toBe(201);
  expect((await api('PATCH', `/api/v1/library/${lib.body.id}`, { token, body: { rendition_ladder: '720' } })).status).toBe(200);
  await scanLibrary(lib.body.id, {}, await realScanDeps());
  expect(await renditionsJob.handle(renditionsJob.schema.parse({ libraryId: lib.body.id }), ctx)).toEqual({ files: titles.length, made: titles.length });
  const rows = await db.mediaFile.findMany({ where: { libraryId: lib.body.id }, select: { id: true, path: true } });
  const files = new Map(rows.map((r) => [titles.find((t) => r.path.endsWith(`${t}.mp4`))!, r.id]));
  for (const id of files.values()) expect(existsSync(join(renditionsDir(id), 'master.m3u8'))).toBe(true);
  return { id: lib.body.id, files };
}

const made = (fileId: string) => existsSync(renditionsDir(fileId));

beforeAll(async () => {
  token = (await signUp('cleanup')).token;
  root = mkdtempSync(join(tmpdir(), 'marquee-rendition-cleanup-'));
  mkdirSync(config().paths.renditions, { recursive: true });
}, 60_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('renditions leave with their files', () => {
  it('a file the scan finds gone keeps its renditions while missing, and loses them when purged', async () => {
    const lib = await libraryWithRenditions('Purged', ['Gone Film (2001)', 'Kept Film (2002)']);
    rmSync(join(root, 'Purged/Gone Film (2001)'), { recursive: true });
    await scanLibrary(lib.id, {}, await realScanDeps());
    const gone = lib.files.get('Gone Film (2001)')!;
    expect((await db.mediaFile.findUniqueOrThrow({ where: { id: gone } })).status).toBe('missing');
    // Missing may mean a disk not mounted: nothing is removed until the file is purged.
    expect(made(gone)).toBe(true);
    const purged = await api('DELETE', `/api/v1/library/${lib.id}/missing`, { token });
    expect(purged.status).toBe(200);
    expect(purged.body.files).toBe(1);
    expect(await db.mediaFile.count({ where: { id: gone } })).toBe(0);
    expect(made(gone)).toBe(false);
    expect(existsSync(`${renditionsDir(gone)}.part`)).toBe(false);
    expect(made(lib.files.get('Kept Film (2002)')!)).toBe(true);
  }, 120_000);

  it('an item an admin deletes loses its renditions; a symlink in their place is unlinked, not followed', async () => {
    const lib = await libraryWithRenditions('Deleted', ['Deleted Film (2003)', 'Linked Film (2004)', 'Other Film (2005)']);
    const deleted = lib.files.get('Deleted Film (2003)')!;
    const item = await db.mediaFile.findUniqueOrThrow({ where: { id: deleted }, select: { itemId: true } });
    expect((await api('DELETE', `/api/v1/media/${item.itemId}`, { token })).status).toBe(204);
    expect(made(deleted)).toBe(false);
    expect(made(lib.files.get('Other Film (2005)')!)).toBe(true);
    // Someone replaced a ladder by a link to a folder elsewhere: deleting its item removes the link only.
    const linked = lib.files.get('Linked Film (2004)')!;
    writeFileSync(join(outside, 'precious.txt'), 'not ours');
    rmSync(renditionsDir(linked), { recursive: true });
    symlinkSync(outside, renditionsDir(linked));
    const linkedItem = await db.mediaFile.findUniqueOrThrow({ where: { id: linked }, select: { itemId: true } });
    expect((await api('DELETE', `/api/v1/media/${linkedItem.itemId}`, { token })).status).toBe(204);
    expect(existsSync(renditionsDir(linked))).toBe(false);
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('not ours');
  }, 120_000);

  it('turning the ladder off removes the library’s renditions; deleting the library removes the ones made again', async () => {
    const lib = await libraryWithRenditions('Laddered', ['First Film (2006)', 'Second Film (2007)']);
    const other = await libraryWithRenditions('Untouched', ['Neighbour Film (2008)']);
    const ids = [...lib.files.values()];
    expect((await api('PATCH', `/api/v1/library/${lib.id}`, { token, body: { rendition_ladder: 'off' } })).status).toBe(200);
    for (const id of ids) expect(made(id)).toBe(false);
    expect(made(other.files.get('Neighbour Film (2008)')!)).toBe(true);

    expect((await api('PATCH', `/api/v1/library/${lib.id}`, { token, body: { rendition_ladder: '720' } })).status).toBe(200);
    expect(await renditionsJob.handle(renditionsJob.schema.parse({ libraryId: lib.id }), ctx)).toEqual({ files: 2, made: 2 });
    for (const id of ids) expect(made(id)).toBe(true);
    expect((await api('DELETE', `/api/v1/library/${lib.id}`, { token })).status).toBe(204);
    for (const id of ids) expect(made(id)).toBe(false);
    // The files themselves stay on disk.
    expect(existsSync(join(root, 'Laddered/First Film (2006)/First Film (2006).mp4'))).toBe(true);
    expect(made(other.files.get('Neighbour Film (2008)')!)).toBe(true);
  }, 180_000);

  it('a ladder finished after its file was deleted is not kept', async () => {
    const lib = await libraryWithRenditions('Racing', ['Racing Film (2009)']);
    const id = lib.files.get('Racing Film (2009)')!;
    rmSync(renditionsDir(id), { recursive: true });
    // The job has read its list of files; the file's row goes while ffmpeg makes the ladder, and the
    // removal that came with it had nothing in place to remove yet.
    let deletedDuringJob = false;
    const racing = {
      ...ctx,
      progress: async () => {
        if (deletedDuringJob) return;
        deletedDuringJob = true;
        await db.mediaFile.delete({ where: { id } });
      },
    };
    expect(await renditionsJob.handle(renditionsJob.schema.parse({ libraryId: lib.id }), racing)).toEqual({ files: 1, made: 0 });
    expect(deletedDuringJob).toBe(true);
    expect(made(id)).toBe(false);
    expect(existsSync(`${renditionsDir(id)}.part`)).toBe(false);
  }, 120_000);

  it('system.cleanup removes orphaned ladders and leaves everything else in the folder alone', async () => {
    const lib = await libraryWithRenditions('Swept', ['Swept Film (2010)']);
    const kept = lib.files.get('Swept Film (2010)')!;
    const dir = config().paths.renditions;
    const orphan = join(dir, 'cnotarealfileid0000000000');
    mkdirSync(orphan);
    writeFileSync(join(orphan, 'master.m3u8'), '#EXTM3U\n');
    mkdirSync(`${orphan}.part`);
    writeFileSync(join(dir, 'README.txt'), 'left alone');
    mkdirSync(join(dir, 'Notes'));
    const result = await systemCleanupJob.handle({}, ctx);
    expect(result.renditions).toBe(2);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(`${orphan}.part`)).toBe(false);
    expect(made(kept)).toBe(true);
    expect(readFileSync(join(dir, 'README.txt'), 'utf8')).toBe('left alone');
    expect(existsSync(join(dir, 'Notes'))).toBe(true);
  }, 120_000);

  it('never resolves a rendition folder outside RENDITIONS_DIR', () => {
    for (const bad of ['..', '../x', 'a/b', '', '/etc', 'UPPERCASEID0000000000000']) expect(() => renditionsDir(bad)).toThrow(/not a media file id/);
  });
});
