import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '@/lib/errors/api-error';
import { errorReply, toErrorResponse } from './error-response';
import { readJsonBody, readJsonValue } from './read-body';

describe('errorReply', () => {
  it('answers one error in our envelope or in TheTVDB v4 envelope, with the same status and headers', () => {
    const err = new ApiError('too_many_requests', 'Slow down.', { headers: { 'retry-after': '3' } });
    const api = errorReply(err, 'api');
    expect(api).toMatchObject({ status: 429, headers: { 'retry-after': '3' } });
    expect(JSON.parse(api.body)).toEqual({ error: { code: 'too_many_requests', message: 'Slow down.' } });
    const tvdb = errorReply(err, 'tvdb');
    expect(tvdb).toMatchObject({ status: 429, headers: { 'retry-after': '3' } });
    expect(JSON.parse(tvdb.body)).toEqual({ status: 'failure', message: 'Slow down.', data: null });
  });

  it('passes an upstream status through, and hides unknown errors behind a request id', async () => {
    expect(errorReply(new ApiError('not_found', 'NotFoundException', { status: 404 }), 'tvdb').status).toBe(404);
    const lines: string[] = [];
    const reply = errorReply(new Error('/secret/path exploded'), 'tvdb', (l) => lines.push(l));
    expect(reply.status).toBe(500);
    expect(reply.body).not.toContain('/secret/path');
    expect(lines[0]).toContain('/secret/path exploded');
    const res = toErrorResponse(new z.ZodError([]), () => undefined);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json');
  });
});

describe('the one body reader', () => {
  const node = (text: string, contentType: string | null = 'application/json') => ({ chunks: Readable.from([Buffer.from(text)]), contentType, contentLength: null });

  it('reads a Node request and a web Request alike', async () => {
    expect(await readJsonValue(node('{"apikey":"k"}'))).toEqual({ apikey: 'k' });
    const req = new Request('http://x/', { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect(await readJsonBody(req, z.object({ a: z.number() }))).toEqual({ a: 1 });
  });

  it('refuses bodies over the limit, not JSON, or typed as something else unless told otherwise', async () => {
    await expect(readJsonValue(node('x'.repeat(100)), { limit: 10 })).rejects.toMatchObject({ code: 'payload_too_large', status: 413 });
    await expect(readJsonValue(node('{'))).rejects.toMatchObject({ code: 'invalid_json' });
    await expect(readJsonValue(node('{}', 'text/plain'))).rejects.toMatchObject({ code: 'unsupported_media_type' });
    expect(await readJsonValue(node('{"a":1}', 'application/x-www-form-urlencoded'), { anyContentType: true })).toEqual({ a: 1 });
  });
});
