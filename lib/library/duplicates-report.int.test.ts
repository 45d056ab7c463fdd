// The duplicatescan task end to end on a real database: queued as a scan that reports duplicates,
// run, and its report read back through the API; the task flag is an enum in the OpenAPI document.
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { jobQueue } from '@/lib/jobs/job-queue';
import { scanLibraryJob, scanLibraryPayload } from '@/lib/scan/scan-library-job';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';

let token: string;
const MOVIE = (root: string) => join(root, 'Movies/Big Test Pattern (2024)/Big Test Pattern (2024).mp4');

beforeAll(async () => {
  token = (await signUp('dupadmin')).token;
});
afterAll(() => removeTestMedia());

describe('duplicatescan', () => {
  it('scans, then leaves the duplicates report in the job, readable at …/duplicates/report', async () => {
    const root = await copySampleLibrary();
    copyFileSync(MOVIE(root), join(dirname(MOVIE(root)), 'Big Test Pattern (2024) - 720p.mp4'));
    const lib = (await api('POST', '/api/v1/library', { token, body: { name: 'Films', path: join(root, 'Movies'), type: 'movies' } })).body.id as string;
    const run = (flag: string) => api('POST', `/api/v1/library/${lib}/run`, { token, body: { flag } });
    const report = () => api('GET', `/api/v1/library/${lib}/duplicates/report`, { token });

    // The library's first scan is queued and makes no report: it cannot take this one in.
    const busy = await run('duplicatescan');
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('conflict');
    expect((await report()).body.error.code).toBe('not_found');
    const first = await db.job.findUniqueOrThrow({ where: { activeKey: `scan:${lib}` } });
    await jobQueue().cancel(first.id);

    const queued = await run('duplicatescan');
    expect(queued.status).toBe(202);
    expect((await run('duplicatescan')).body.job_id).toBe(queued.body.job_id); // one scan per library
    expect((await report()).body).toEqual({ job_id: queued.body.job_id, status: 'queued', requested_at: expect.any(String), finished_at: null, duplicates: null });

    const job = (await jobQueue().claim('duplicates-test', [scanLibraryJob.name]))!;
    expect(job.id).toBe(queued.body.job_id);
    const result = await scanLibraryJob.handle(scanLibraryPayload.parse(job.payload), { jobId: job.id, signal: new AbortController().signal, progress: async () => {} });
    await jobQueue().complete(job.id, result);

    const done = await report();
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ job_id: job.id, status: 'completed', finished_at: expect.any(String) });
    expect(done.body.duplicates).toEqual([{ kind: 'movie', id: expect.any(String), title: 'Big Test Pattern', files: expect.arrayContaining([MOVIE(root)]) }]);
    expect(done.body.duplicates[0].files).toHaveLength(2);
    // The live list says the same.
    expect((await api('GET', `/api/v1/library/${lib}/duplicates`, { token })).body).toEqual(done.body.duplicates);
  });

  it('refuses an unknown flag with unknown_flag, and documents the flags as an enum', async () => {
    const lib = (await db.library.findFirstOrThrow()).id;
    const bad = await api('POST', `/api/v1/library/${lib}/run`, { token, body: { flag: 'explode' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({ code: 'unknown_flag', message: 'Unknown flag "explode": use one of scan, rescan, fetch_metadata, duplicatescan.' });
    expect((await api('POST', `/api/v1/library/${lib}/run`, { token, body: {} })).body.error.code).toBe('validation_failed');
    const doc = (await api('GET', '/api/v1/openapi.json')).body;
    const body = doc.paths['/api/v1/library/{id}/run'].post.requestBody.content['application/json'].schema;
    expect(body.properties.flag.enum).toEqual(['scan', 'rescan', 'fetch_metadata', 'duplicatescan']);
    expect(doc.paths['/api/v1/library/{id}/duplicates/report'].get).toBeDefined();
  });
});
