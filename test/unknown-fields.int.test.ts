// A body field the operation does not have is a 400 naming it, at any depth (zod used to drop it:
// `video_codecs` instead of `video` got a transcode the client did not ask for, with no hint why).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { api, signUp } from './api';

let admin: { token: string };
const dir = mkdtempSync(join(tmpdir(), 'marquee-unknown-'));

beforeAll(async () => {
  admin = await signUp('strict');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unknown body fields', () => {
  it('are a 400 naming them, and nothing is done', async () => {
    const res = await api('POST', '/api/v1/user/api-keys', { token: admin.token, body: { name: 'k', scope: 'read', scopes: ['full'] } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('body.scopes'), fields: [{ path: 'body.scopes', message: expect.any(String) }] });
    expect(await db.apiKey.count()).toBe(0);
  });

  it('are found inside nested objects and arrays', async () => {
    const res = await api('POST', '/api/v1/stream-session', {
      token: admin.token,
      body: { media_id: 'anything', supported_codecs: { video_codecs: ['h264'], video: [{ codec: 'h264', level: 4 }] } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.supported_codecs.video.0.level', 'body.supported_codecs.video_codecs']);
  });

  it('leave documented aliases working: `path` for `paths` when adding a library', async () => {
    const res = await api('POST', '/api/v1/library', { token: admin.token, body: { name: 'alias', type: 'movies', path: dir } });
    expect(res.status).toBe(201);
    expect((await api('GET', `/api/v1/library/${res.body.id}`, { token: admin.token })).body.paths).toEqual([dir]);
  });

  it('are shown as closed objects in the OpenAPI document', async () => {
    const doc = (await api('GET', '/api/v1/openapi.json')).body;
    const schema = doc.paths['/api/v1/stream-session'].post.requestBody.content['application/json'].schema;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.supported_codecs.additionalProperties).toBe(false);
  });
});
