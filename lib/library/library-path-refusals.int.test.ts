// A library path that would wedge the worker (a pseudo-filesystem, a system folder, the app's own
// folders, or a folder holding any of them) is refused with 400 in our error shape, on create, on
// edit and in the live check — also when reached through a symlink.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { api, signUp } from '@/test/api';

let token: string;
const scratch = mkdtempSync(join(tmpdir(), 'marquee-paths-'));

beforeAll(async () => {
  token = (await signUp('pathadmin')).token;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function refusals() {
  const c = config();
  mkdirSync(c.paths.transcode, { recursive: true });
  const linkToProc = join(scratch, 'innocent-looking');
  symlinkSync('/proc', linkToProc);
  return [
    ['/proc', /system folder \(\/proc\)/],
    ['/proc/self', /system folder \(\/proc\)/],
    ['/sys', /system folder \(\/sys\)/],
    ['/dev', /system folder \(\/dev\)/],
    ['/run', /system folder \(\/run\)/],
    [linkToProc, /system folder \(\/proc\)/],
    ['/', /contains the system folder/],
    [c.paths.data, /inside Marquee's data folder/],
    [c.paths.transcode, /transcode folder/],
    [dirname(c.paths.data), /contains Marquee's data folder/],
  ] as const;
}

describe('library paths that are never media', () => {
  it('are refused on create, on edit and by the live check, with a clear 400 in our error shape', async () => {
    const media = join(scratch, 'media');
    mkdirSync(media);
    const ok = await api('POST', '/api/v1/library', { token, body: { name: 'Fine', paths: [media], type: 'movies' } });
    expect(ok.status).toBe(201);
    for (const [path, message] of refusals()) {
      const created = await api('POST', '/api/v1/library', { token, body: { name: 'Bad', paths: [path], type: 'movies' } });
      expect(created.status, path).toBe(400);
      expect(created.body.error, path).toMatchObject({ code: 'library_path_forbidden', message: expect.stringMatching(message), fields: [{ path: 'body.paths.0' }] });
      const edited = await api('PATCH', `/api/v1/library/${ok.body.id}`, { token, body: { paths: [media, path] } });
      expect(edited.status, path).toBe(400);
      expect(edited.body.error, path).toMatchObject({ code: 'library_path_forbidden', fields: [{ path: 'body.paths.1' }] });
      const check = await api('POST', '/api/v1/library/check-path', { token, body: { path } });
      expect(check.body, path).toMatchObject({ ok: false, code: 'library_path_forbidden' });
    }
    expect(await db.library.count()).toBe(1);
    expect((await db.libraryFolder.findMany()).map((f) => f.path)).toEqual([media]);
  });
});
