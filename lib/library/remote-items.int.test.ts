// A remote scanner's calls, through the API with a scanner key: pushes are idempotent, gone files
// turn missing, a moved file keeps its id, its item and the item's watch state, and a scanner
// without --library learns which library owns its folder.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signUp } from '@/test/api';

let token: string;
let key: string;
const scratch = mkdtempSync(join(tmpdir(), 'marquee-remote-items-'));

beforeAll(async () => {
  token = (await signUp('remote-admin')).token;
  key = (await api('POST', '/api/v1/user/api-keys', { token, body: { name: 'nas', scope: 'scanner' } })).body.key;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function library(name: string, type = 'tv', ...folders: string[]) {
  const paths = folders.length > 0 ? folders : [join(scratch, name)];
  for (const p of paths) mkdirSync(p, { recursive: true });
  const res = await api('POST', '/api/v1/library', { token, body: { name, paths, type } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const episode = (path: string, hash: string, size = 1000) => ({ item: { path, rel_path: path.split('/').slice(-3).join('/'), size, mtime_ms: 1_700_000_000_000, head_tail_hash: hash } });
const push = (lib: string, body: unknown) => api('POST', `/api/v1/library/${lib}/media`, { token: key, body });
const gone = (lib: string, paths: string[]) => api('POST', `/api/v1/library/${lib}/files/missing`, { token: key, body: { paths } });
const files = async (lib: string) => (await api('GET', `/api/v1/library/${lib}/files`, { token: key })).body as { path: string; status: string }[];

describe('remote files', () => {
  it('keeps a moved file: its id, its episode and the watch state; a deleted one turns missing', async () => {
    const lib = await library('Moves');
    const e1 = episode('/nas/tv/Test Show/Season 1/Test Show S01E01.mkv', 'hash-1');
    const e2 = episode('/nas/tv/Test Show/Season 1/Test Show S01E02.mkv', 'hash-2', 2000);
    const first = await push(lib, e1);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, file: 'added' });
    expect((await push(lib, e1)).body).toEqual({ ...first.body, created: false, file: 'unchanged' });
    expect((await push(lib, e2)).body).toMatchObject({ id: first.body.id, file: 'added' });

    const season = (await api('GET', `/api/v1/tv/${first.body.id}/season`, { token })).body[0];
    const [s1e1, s1e2] = (await api('GET', `/api/v1/season/${season.id}`, { token })).body.episodes;
    expect((await api('PUT', `/api/v1/episode/${s1e1.id}/watched`, { token })).status).toBe(200);

    // The scanner finds E01 under a new name and E02 gone: it reports the gone paths first, then pushes the new one.
    const moved = episode('/nas/tv/Test Show/Specials and more/Renamed S01E01.mkv', 'hash-1');
    expect((await gone(lib, [e1.item.path, e2.item.path])).body).toEqual({ missing: 2, already_missing: 0, unknown: 0 });
    const seasonNow = async () => (await api('GET', `/api/v1/season/${season.id}`, { token })).body.episodes;
    expect(await seasonNow()).toMatchObject([{ id: s1e1.id, status: 'missing', watched: true }, { id: s1e2.id, status: 'missing', watched: false }]);
    const again = await push(lib, moved);
    expect(again.body).toEqual({ id: first.body.id, file_id: first.body.file_id, created: false, file: 'moved' });

    expect(await seasonNow()).toMatchObject([
      { id: s1e1.id, status: 'ok', watched: true, files: [{ id: first.body.file_id, status: 'ok' }] },
      { id: s1e2.id, status: 'missing' },
    ]);
    expect(await files(lib)).toEqual([
      { path: e2.item.path, size: 2000, mtime_ms: e2.item.mtime_ms, head_tail_hash: 'hash-2', status: 'missing' },
      { path: moved.item.path, size: 1000, mtime_ms: e1.item.mtime_ms, head_tail_hash: 'hash-1', status: 'ok' },
    ]);
    // Sent again after a lost answer: nothing changes.
    expect((await gone(lib, [e1.item.path, e2.item.path, '/nas/never-pushed.mkv'])).body).toEqual({ missing: 0, already_missing: 1, unknown: 2 });
    expect((await push(lib, moved)).body.file).toBe('unchanged');
    expect(await files(lib)).toHaveLength(2);
    // E02 turns up at its old path again.
    expect((await push(lib, e2)).body).toMatchObject({ file: 'restored', file_id: expect.any(String) });
    expect((await api('GET', `/api/v1/episode/${s1e2.id}`, { token })).body.status).toBe('ok');
    expect((await api('GET', `/api/v1/media/${first.body.id}`, { token })).body.status).toBe('ok');
  });

  it('a new file with a known hash is a copy, not a move, while the original is still there', async () => {
    const lib = await library('Copies');
    const a = episode('/nas/copies/Copy Show/Season 1/Copy Show S01E01.mkv', 'same');
    const b = episode('/nas/copies/Copy Show/Season 1/Copy Show S01E01 (copy).mkv', 'same');
    const first = (await push(lib, a)).body;
    const second = (await push(lib, b)).body;
    expect(second).toMatchObject({ id: first.id, file: 'added' });
    expect(second.file_id).not.toBe(first.file_id);
    expect((await files(lib)).map((f) => f.status)).toEqual(['ok', 'ok']);
  });

  it('a whole show pushed at once (concurrent calls) makes one show', async () => {
    const lib = await library('Burst');
    const pushes = Array.from({ length: 8 }, (_, i) => push(lib, episode(`/nas/burst/Burst Show/Season 1/Burst Show S01E0${i + 1}.mkv`, `burst-${i}`)));
    const results = await Promise.all(pushes);
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect((await api('GET', `/api/v1/library/${lib}/media`, { token })).body.total).toBe(1);
  });

  it('refuses pushes and reports to a library that does not exist, and a file of another library', async () => {
    expect((await gone('nope', ['/x.mkv'])).status).toBe(404);
    const lib = await library('Owner');
    const other = await library('Other');
    const e = episode('/nas/owner/Own Show/Season 1/Own Show S01E01.mkv', 'own');
    expect((await push(lib, e)).status).toBe(201);
    expect((await push(other, e)).body.error.code).toBe('conflict');
    expect((await gone(other, [e.item.path])).body).toEqual({ missing: 0, already_missing: 0, unknown: 1 });
  });
});

describe('GET /api/v1/library/for-path', () => {
  const lookup = (path: string, as = key) => api('GET', `/api/v1/library/for-path?path=${encodeURIComponent(path)}`, { token: as });

  it('names the library whose folder holds the path, or says clearly why none', async () => {
    const root = join(scratch, 'lookup');
    const tv = await library('Lookup TV', 'tv', join(root, 'tv'));
    const movies = await library('Lookup Movies', 'movies', join(root, 'movies'), join(scratch, 'elsewhere', 'films'));

    expect((await lookup(join(root, 'tv'))).body).toEqual({ id: tv, name: 'Lookup TV', type: 'tv', folder: join(root, 'tv') });
    expect((await lookup(join(root, 'tv', 'Some Show', 'Season 1') + '/')).body).toMatchObject({ id: tv });
    expect((await lookup(join(scratch, 'elsewhere', 'films', 'x'))).body).toMatchObject({ id: movies, folder: join(scratch, 'elsewhere', 'films') });

    const both = await lookup(root);
    expect(both.status).toBe(409);
    expect(both.body.error.code).toBe('library_ambiguous');
    expect(both.body.error.message).toContain(`“Lookup TV” (${tv})`);
    expect(both.body.error.message).toContain(`“Lookup Movies” (${movies})`);

    const holdsOne = await lookup(join(scratch, 'elsewhere'));
    expect(holdsOne.status).toBe(404);
    expect(holdsOne.body.error.message).toContain(`“Lookup Movies” (${movies}) has a folder inside it`);

    const none = await lookup('/srv/nothing/here');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toBe('No library has a folder holding /srv/nothing/here. Add one with this folder, or name the library (--library <id>).');
    // A sibling whose name starts like the folder is not inside it.
    expect((await lookup(join(root, 'tv-extra'))).status).toBe(404);
  });

  it('takes absolute, normalised paths only', async () => {
    for (const bad of ['relative/path', '/nas/../etc', '/nas/./tv', '/nas//tv']) {
      const res = await lookup(bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'query.path' }] });
    }
  });
});
