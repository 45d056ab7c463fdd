import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { handle } from '@/lib/http/route';
import { api, signUp } from './api';

function expectErrorShape(body: unknown, code: string) {
  expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
}

describe('error contract', () => {
  it('malformed JSON → 400 invalid_json', async () => {
    const r = await api('POST', '/api/v1/auth/session', { rawBody: '{"username": "a",', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expectErrorShape(r.body, 'invalid_json');
  });

  it('zod failure → 400 with the field path', async () => {
    const r = await api('POST', '/api/v1/auth/session', { body: { username: 'someone' } });
    expect(r.status).toBe(400);
    expectErrorShape(r.body, 'validation_failed');
    expect(r.body.error.fields).toEqual([{ path: 'body.password', message: expect.any(String) }]);
    expect(r.body.error.message).toContain('body.password');
  });

  it('body over 1 MiB → 413, whether declared or streamed', async () => {
    const big = JSON.stringify({ username: 'a'.repeat(1024 * 1024), password: 'x' });
    const r = await api('POST', '/api/v1/auth/session', { rawBody: big, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(413);
    expectErrorShape(r.body, 'payload_too_large');
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new Uint8Array(100 * 1024).fill(32));
        c.close();
      },
    });
    const { POST } = await import('@/app/api/v1/auth/session/route');
    const res = await POST(new Request('http://localhost/api/v1/auth/session', { method: 'POST', body: stream, duplex: 'half' } as RequestInit), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(413);
  });

  it('wrong method → 405 with Allow', async () => {
    const r = await api('GET', '/api/v1/auth/session');
    expect(r.status).toBe(405);
    expectErrorShape(r.body, 'method_not_allowed');
    expect(r.headers.get('allow')).toBe('POST, DELETE');
  });

  it('unknown /api route → 404 JSON', async () => {
    const r = await api('GET', '/api/v1/no/such/thing');
    expect(r.status).toBe(404);
    expectErrorShape(r.body, 'route_not_found');
  });

  it('unhandled error → 500 with a request id and no stack trace', async () => {
    const contract = defineContract({
      method: 'GET',
      path: '/api/v1/test/explode',
      access: 'public',
      summary: 'explodes',
      tags: ['test'],
      response: { status: 200, description: 'never' },
    });
    const lines: string[] = [];
    const original = console.error;
    console.error = (line: string) => lines.push(line);
    try {
      const res = await handle(contract, async () => {
        throw new Error('secret internals at /srv/media/private');
      })(new Request('http://localhost/api/v1/test/explode'), { params: Promise.resolve({}) });
      const body = await res.json();
      expect(res.status).toBe(500);
      expectErrorShape(body, 'internal_error');
      expect(body.error.request_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(body)).not.toContain('/srv/media');
      expect(JSON.stringify(body)).not.toContain('at ');
      expect(lines.join('\n')).toContain(body.error.request_id);
    } finally {
      console.error = original;
    }
  });

  it('bad query and params are 400 with their paths; missing credentials are 401', async () => {
    const contract = defineContract({
      method: 'GET',
      path: '/api/v1/test/{id}',
      access: 'user',
      summary: 'typed',
      tags: ['test'],
      params: z.object({ id: z.string().regex(/^\d+$/) }),
      query: z.object({ page: z.coerce.number().int().min(1) }),
      response: { status: 200, description: 'ok' },
    });
    const h = handle(contract, async ({ params, query }) => ({ id: params.id, page: query.page }) as never);
    const anon = await h(new Request('http://localhost/api/v1/test/1?page=1'), { params: Promise.resolve({ id: '1' }) });
    expect(anon.status).toBe(401);
    const u = await signUp('errs');
    const bad = await h(new Request('http://localhost/api/v1/test/x?page=0', { headers: { authorization: `Bearer ${u.token}` } }), {
      params: Promise.resolve({ id: 'x' }),
    });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['params.id']);
    const badQuery = await h(new Request('http://localhost/api/v1/test/1?page=0', { headers: { authorization: `Bearer ${u.token}` } }), {
      params: Promise.resolve({ id: '1' }),
    });
    expect((await badQuery.json()).error.fields[0].path).toBe('query.page');
    const malformedAuth = await h(new Request('http://localhost/api/v1/test/1?page=1', { headers: { authorization: 'Basic abc' } }), {
      params: Promise.resolve({ id: '1' }),
    });
    expect(malformedAuth.status).toBe(401);
  });
});
