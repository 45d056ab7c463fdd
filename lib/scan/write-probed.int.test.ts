// The batch writer on a real database: many files of one new show in one batch, versions and
// multi-episode files, a changed file that no longer parses, and the single-file path.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { attachFile } from './attach-file';
import { identify } from './identity';
import { parseMediaPath } from './parse-name';
import { writeProbedFiles, type ProbedFile } from './write-probed';

let n = 0;
function probed(root: string, relPath: string, ok = true, rowId: string | null = null): ProbedFile {
  return {
    file: { path: `${root}/${relPath}`, relPath, size: 1000 + n, mtimeMs: 1_700_000_000_000 + n, inode: `1:${n++}` },
    rowId,
    hash: 'h',
    outcome: ok ? { ok: true, info: { container: 'mkv' } } : { ok: false, reason: 'not_media', message: 'not a media file' },
  };
}

async function library(type: 'movies' | 'tv') {
  const root = `/media/${type}-${n++}`;
  return { root, id: (await db.library.create({ data: { name: root, type, folders: { create: [{ path: root }] } } })).id };
}

async function linksOf(path: string) {
  const file = await db.mediaFile.findUniqueOrThrow({ where: { path }, select: { itemId: true, episodes: { select: { episode: { select: { seasonNumber: true, number: true } } } } } });
  return { itemId: file.itemId, episodes: file.episodes.map((e) => `S${e.episode.seasonNumber}E${e.episode.number}`).sort() };
}

describe('writeProbedFiles', () => {
  it('creates a new show once, its seasons and episodes once, and links every file', async () => {
    const lib = await library('tv');
    const batch = [
      probed(lib.root, 'Show A/Season 01/Show A - S01E01-E02.mkv'),
      probed(lib.root, 'Show A/Season 01/Show A - S01E02.mkv'), // a second version of E02
      probed(lib.root, 'Show A/Season 02/Show A - S02E01.mkv'),
      probed(lib.root, 'Show A/Specials/Show A - S00E01.mkv'),
      probed(lib.root, 'Show B/Season 01/Show B - S01E01.mkv'),
      probed(lib.root, 'Show B/extras/notes.mkv'),
      probed(lib.root, 'Show B/Season 01/Show B - S01E02.mkv', false),
    ];
    const out = await writeProbedFiles(lib.id, 'tv', batch, new Date());
    expect(out.createdItemIds).toHaveLength(2);
    expect(out.itemIds).toHaveLength(2);
    expect([...out.issues.values()].map((i) => i.reason).sort()).toEqual(['not_media', 'unrecognized_name']);

    const showA = await db.mediaItem.findFirstOrThrow({ where: { libraryId: lib.id, title: 'Show A' }, include: { seasons: { orderBy: { number: 'asc' } }, episodes: true } });
    expect(showA.seasons.map((s) => [s.number, s.title])).toEqual([
      [0, 'Specials'],
      [1, 'Season 1'],
      [2, 'Season 2'],
    ]);
    expect(showA.episodes).toHaveLength(4);
    expect(await linksOf(batch[0].file.path)).toEqual({ itemId: showA.id, episodes: ['S1E1', 'S1E2'] });
    expect(await linksOf(batch[1].file.path)).toEqual({ itemId: showA.id, episodes: ['S1E2'] });
    expect(await linksOf(batch[6].file.path)).toEqual({ itemId: null, episodes: [] });
    expect(await db.mediaFile.findUniqueOrThrow({ where: { path: batch[6].file.path } })).toMatchObject({ probeError: 'not a media file', mediaInfo: null });

    // A later batch finds what exists: nothing new but the one new episode.
    const more = [probed(lib.root, 'Show A/Season 01/Show A - S01E03.mkv'), probed(lib.root, 'Show B/Season 01/Show B - S01E01 - 720p.mkv')];
    const again = await writeProbedFiles(lib.id, 'tv', more, new Date());
    expect(again.createdItemIds).toEqual([]);
    expect(await db.episode.count({ where: { show: { libraryId: lib.id } } })).toBe(6);
    expect(await db.season.count({ where: { show: { libraryId: lib.id } } })).toBe(4);
  });

  it('re-attaches a changed file: new episodes replace the old links; an unreadable one loses them', async () => {
    const lib = await library('tv');
    const first = probed(lib.root, 'Show C/Show C - S01E01.mkv');
    await writeProbedFiles(lib.id, 'tv', [first], new Date());
    const row = await db.mediaFile.findUniqueOrThrow({ where: { path: first.file.path } });

    const multi = { ...probed(lib.root, 'Show C/Show C - S01E01E02.mkv', true, row.id), file: { ...first.file, relPath: 'Show C/Show C - S01E01E02.mkv' } };
    await writeProbedFiles(lib.id, 'tv', [multi], new Date());
    expect(await linksOf(first.file.path)).toMatchObject({ episodes: ['S1E1', 'S1E2'] });

    const broken = { ...probed(lib.root, 'x', false, row.id), file: first.file };
    const out = await writeProbedFiles(lib.id, 'tv', [broken], new Date());
    expect(out.itemIds).toEqual([]);
    expect(await linksOf(first.file.path)).toEqual({ itemId: null, episodes: [] });
    expect(await db.mediaFile.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ probeError: 'not a media file', mediaInfo: null });
  });

  it('takes a new movie’s title from the first of its files, and attaches a single file the same way', async () => {
    const lib = await library('movies');
    const out = await writeProbedFiles(lib.id, 'movies', [probed(lib.root, 'The Film (1999)/The Film (1999).mkv'), probed(lib.root, 'the film (1999).mp4')], new Date());
    expect(out.createdItemIds).toHaveLength(1);
    expect((await db.mediaItem.findUniqueOrThrow({ where: { id: out.createdItemIds[0] } })).title).toBe('The Film');

    const file = await db.mediaFile.create({ data: { libraryId: lib.id, path: `${lib.root}/The Film (1999) - extended.mkv`, size: 1, mtimeMs: 1 } });
    const identity = identify(parseMediaPath('The Film (1999) - extended.mkv', 'movies'), 'movies', 'The Film (1999) - extended.mkv');
    expect(await db.$transaction((tx) => attachFile(tx, lib.id, file.id, identity))).toEqual({ created: false, itemId: out.createdItemIds[0] });
    const other = identify(parseMediaPath('Other Film (2001).mkv', 'movies'), 'movies', 'Other Film (2001).mkv');
    const attached = await db.$transaction((tx) => attachFile(tx, lib.id, file.id, other));
    expect(attached.created).toBe(true);
    expect((await db.mediaFile.findUniqueOrThrow({ where: { id: file.id } })).itemId).toBe(attached.itemId);
  });
});
