// The sample libraries: offered once the sample media exists, added in one call as 'Sample Movies'
// and 'Sample TV', scanned into one movie and one show, and not offered again.
import { cpSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { scanLibraryJob } from '@/lib/scan/scan-library-job';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { setSampleLibrary } from '@/test/sample-library-env';

let token: string;

beforeAll(async () => {
  token = (await signUp('sampleadmin')).token;
});
afterAll(() => {
  setSampleLibrary(false);
  removeTestMedia();
});

const offer = async () => (await api('GET', '/api/v1/library/sample', { token })).body;

describe('the sample libraries', () => {
  it('are off when SAMPLE_LIBRARY is false', async () => {
    expect(await offer()).toMatchObject({ status: 'off' });
    expect((await api('POST', '/api/v1/library/sample', { token })).body.error).toMatchObject({ code: 'conflict' });
  });

  it('are offered once the media exists, added as Movies and TV libraries, then no longer offered', async () => {
    setSampleLibrary(true);
    expect(await offer()).toEqual({ status: 'generating', libraries: [{ name: 'Sample Movies', type: 'movies' }, { name: 'Sample TV', type: 'tv' }] });
    const refused = await api('POST', '/api/v1/library/sample', { token });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/still being generated/);

    cpSync(await copySampleLibrary(), config().paths.sampleMedia, { recursive: true });
    expect(await offer()).toMatchObject({ status: 'available' });
    const added = await api('POST', '/api/v1/library/sample', { token });
    expect(added.status).toBe(201);
    expect(added.body.libraries.map((l: { name: string }) => l.name)).toEqual(['Sample Movies', 'Sample TV']);

    const ctx = { jobId: 'test', signal: new AbortController().signal, progress: async () => undefined };
    for (const l of added.body.libraries as { id: string }[]) await scanLibraryJob.handle(scanLibraryJob.schema.parse({ libraryId: l.id }), ctx);
    const libraries = (await api('GET', '/api/v1/library', { token })).body as { name: string; type: string; paths: string[]; media_count: number }[];
    expect(libraries.map((l) => ({ name: l.name, type: l.type, folder: l.paths.map((p) => p.split('/').pop()), items: l.media_count }))).toEqual([
      { name: 'Sample Movies', type: 'movies', folder: ['Movies'], items: 1 },
      { name: 'Sample TV', type: 'tv', folder: ['TV'], items: 1 },
    ]);
    const show = (await api('GET', `/api/v1/library/${added.body.libraries[1].id}/media`, { token })).body.items[0];
    expect(show).toMatchObject({ kind: 'show', title: 'Test Card Show' });

    expect(await offer()).toMatchObject({ status: 'added' });
    expect((await api('POST', '/api/v1/library/sample', { token })).status).toBe(409);
    // Deleting one of them does not offer the pair again while the other still uses the sample.
    await api('DELETE', `/api/v1/library/${added.body.libraries[0].id}`, { token });
    expect(await offer()).toMatchObject({ status: 'added' });
  });
});
