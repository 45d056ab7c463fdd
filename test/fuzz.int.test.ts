// Fuzzes every operation of the OpenAPI document over real HTTP (test/http-app.ts): each path,
// query and body field gets wrong types, NUL, lone surrogates, huge and negative numbers, 64 KB
// strings and invalid percent-encoding, as an admin (full-scope API key) and anonymously. Any 5xx
// that is not a documented refusal (503 transcode_capacity…) fails, naming the operation and input.
// Generated from the document, so a new route is fuzzed without editing this file. Deterministic
// (a seeded generator for the long strings), bounded: no job runner, so nothing it queues runs.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { api, signUp } from './api';
import { startHttpApp } from './http-app';
import { copySampleLibrary, removeTestMedia } from './media-fixture';

type Schema = { type?: string | string[]; enum?: unknown[]; const?: unknown; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; minimum?: number; minItems?: number; minLength?: number; default?: unknown };
type Operation = { 'x-access': string; parameters?: { name: string; in: 'path' | 'query'; schema: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, unknown> };
type Case = { where: string; path: string; query: string; body?: string; contentType?: string };

/** mulberry32: the same 64 KB strings on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(0x5eed);
// Random letters do not compress: a 64 KB value really is 64 KB in a column or an index.
const LONG = Array.from({ length: 65_536 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');

/** Bad values for a JSON field (the body is built with JSON.stringify, so lone surrogates travel escaped). */
const BODY_VALUES: [string, unknown][] = [
  ['NUL', 'a\u0000b'], ['lone surrogate', 'a\ud800b'], ['64 KB string', LONG], ['1e308', 1e308], ['2**63', 2 ** 63], ['-1', -1],
  ['2**31', 2 ** 31], ['2**53-1', Number.MAX_SAFE_INTEGER], ['1.5', 1.5], ['number', 7], ['string', 'x'], ['boolean', true], ['null', null], ['object', { a: 1 }], ['array', ['a\u0000']],
  ['key with NUL', { 'k\u0000': 1 }],
];
/** Bad values for a path segment or query value, already percent-encoded as they go on the wire. */
const URL_VALUES: [string, string][] = [
  ['NUL', 'a%00b'], ['lone surrogate (CESU-8)', '%ED%A0%80'], ['invalid percent-encoding', '%E0%A4%A'], ['truncated percent', '%'],
  ['64 KB string', LONG], ['1e308', '1e308'], ['2**63', '9223372036854775808'], ['2**31', '2147483648'], ['2**53-1', '9007199254740991'], ['-1', '-1'], ['1.5', '1.5'],
];

let app: Awaited<ReturnType<typeof startHttpApp>>;
let adminKey: string;
let doc: { paths: Record<string, Record<string, Operation>> };
let emptyDir: string;
const ids: Record<string, string> = {};

function baseValue(name: string, s: Schema | undefined): unknown {
  if (!s) return 'fuzz';
  if (name === 'paths') return [emptyDir];
  if (name === 'path') return emptyDir;
  if (name === 'media_id') return ids.media;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const branch = s.anyOf ?? s.oneOf;
  if (branch) return baseValue(name, branch.find((b) => b.type !== 'null') ?? branch[0]);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object') return baseObject(s);
  if (type === 'array') return s.minItems ? [baseValue(name, s.items)] : [];
  if (type === 'number' || type === 'integer') return s.minimum ?? 1;
  if (type === 'boolean') return false;
  return 'f'.repeat(Math.max(4, s.minLength ?? 0));
}

function baseObject(s: Schema): Record<string, unknown> {
  return Object.fromEntries((s.required ?? []).map((k) => [k, baseValue(k, s.properties?.[k])]));
}

/** A real id for `{param}` after a known collection segment, so bad bodies reach the code that writes. */
function pathWith(path: string, fuzzed?: { name: string; value: string }): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string, at: number) => {
    if (fuzzed?.name === name) return fuzzed.value;
    const segment = path.slice(0, at).split('/').filter(Boolean).at(-1) ?? '';
    return encodeURIComponent(ids[segment] ?? 'nonexistent-id');
  });
}

function casesFor(path: string, op: Operation): Case[] {
  const out: Case[] = [];
  const params = op.parameters ?? [];
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  // Uploads (a body that is the file itself): junk and an empty body under each type taken.
  for (const type of Object.keys(op.requestBody?.content ?? {}).filter((t) => t !== 'application/json')) {
    const raws: [string, string][] = [['empty', ''], ['text', 'hello'], ['PNG-like junk', '\x89PNG\r\n\x1a\n' + 'x'.repeat(100)], ['JPEG-like junk', '\xff\xd8\xff' + 'y'.repeat(100)]];
    for (const [label, raw] of raws) out.push({ where: `${type} body = ${label}`, path: pathWith(path), query: '', body: raw, contentType: type });
  }
  const body = bodySchema ? JSON.stringify(baseObject(bodySchema)) : undefined;
  for (const p of params.filter((q) => q.in === 'path')) {
    for (const [label, value] of URL_VALUES) out.push({ where: `path ${p.name} = ${label}`, path: pathWith(path, { name: p.name, value }), query: '', body });
  }
  for (const p of params.filter((q) => q.in === 'query')) {
    for (const [label, value] of URL_VALUES) out.push({ where: `query ${p.name} = ${label}`, path: pathWith(path), query: `?${encodeURIComponent(p.name)}=${value}`, body });
  }
  if (bodySchema) {
    const base = baseObject(bodySchema);
    const wholes: [string, string][] = [['array', '[]'], ['string', '"x"'], ['NUL key', '{"a\\u0000":1}'], ['deep nesting', '['.repeat(5000) + ']'.repeat(5000)]];
    for (const [label, whole] of wholes) out.push({ where: `body = ${label}`, path: pathWith(path), query: '', body: whole });
    for (const [name, prop] of Object.entries(bodySchema.properties ?? {})) {
      for (const [label, value] of BODY_VALUES) out.push({ where: `body.${name} = ${label}`, path: pathWith(path), query: '', body: JSON.stringify({ ...base, [name]: value }) });
      // One level down: the fields of an object field, and an array field's items.
      const inner = prop.type === 'array' ? prop.items : prop;
      for (const sub of Object.keys(inner?.properties ?? {})) {
        const obj = { ...(baseObject(inner!) as object), [sub]: undefined } as Record<string, unknown>;
        for (const [label, value] of BODY_VALUES.slice(0, 8)) {
          const v = { ...obj, [sub]: value };
          out.push({ where: `body.${name}${prop.type === 'array' ? '[0]' : ''}.${sub} = ${label}`, path: pathWith(path), query: '', body: JSON.stringify({ ...base, [name]: prop.type === 'array' ? [v] : v }) });
        }
      }
    }
  }
  return out;
}

async function send(method: string, c: Case, token?: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (c.body !== undefined) headers['content-type'] = c.contentType ?? 'application/json';
  const res = await fetch(app.url + c.path + c.query, { method: method.toUpperCase(), headers, body: c.body, signal: AbortSignal.timeout(20_000) });
  // Streams (server-sent events, media) are not read to the end: the status says enough.
  const type = res.headers.get('content-type') ?? '';
  const text = type.includes('json') || type.startsWith('text/plain') ? await res.text() : '';
  if (!text) await res.body?.cancel();
  return { status: res.status, text };
}

/** A 5xx is allowed only as a documented refusal in our error shape (never internal_error). */
function isFailure(op: Operation, r: { status: number; text: string }): boolean {
  if (r.status < 500) return false;
  try {
    const code = (JSON.parse(r.text) as { error?: { code?: string } }).error?.code;
    return !code || code === 'internal_error' || !(String(r.status) in op.responses);
  } catch {
    return true;
  }
}

beforeAll(async () => {
  app = await startHttpApp();
  const admin = await signUp('fuzz-admin');
  await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { registration: 'open' } });
  const plain = await signUp('fuzz-user');
  adminKey = (await api('POST', '/api/v1/user/api-keys', { token: admin.token, body: { name: 'fuzz', scope: 'full' } })).body.key;
  emptyDir = join(mkdtempSync(join(tmpdir(), 'marquee-fuzz-')), 'empty');
  mkdirSync(emptyDir);
  // Real rows for path ids: a scanned library (movies and a show), a user, a key, an invite.
  const root = await copySampleLibrary();
  const lib = async (path: string, type: string) => (await api('POST', '/api/v1/library', { token: admin.token, body: { name: type, path, type } })).body.id as string;
  const movies = await lib(join(root, 'Movies'), 'movies');
  const tv = await lib(join(root, 'TV'), 'tv');
  await scanLibrary(movies, {}, await realScanDeps());
  await scanLibrary(tv, {}, await realScanDeps());
  const movie = await db.mediaItem.findFirstOrThrow({ where: { kind: 'movie' } });
  const show = await db.mediaItem.findFirstOrThrow({ where: { kind: 'show' } });
  Object.assign(ids, {
    media: movie.id,
    library: movies,
    tv: show.id,
    season: (await db.season.findFirstOrThrow()).id,
    episode: (await db.episode.findFirstOrThrow()).id,
    'stopped-at': movie.id,
    users: plain.id,
    'api-keys': (await api('POST', '/api/v1/user/api-keys', { token: admin.token, body: { name: 'spare', scope: 'read' } })).body.id,
  });
  const direct = await api('POST', '/api/v1/stream-session', { token: admin.token, body: { media_id: movie.id } });
  if (direct.status === 200) ids['stream-session'] = direct.body.stream_key;
  const res = await fetch(`${app.url}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  doc = await res.json();
}, 180_000);

afterAll(async () => {
  await app?.close();
  if (emptyDir) rmSync(join(emptyDir, '..'), { recursive: true, force: true });
  removeTestMedia();
});

describe('fuzzing every operation from the OpenAPI document', () => {
  it('answers no input with a 5xx (other than documented refusals), as admin or anonymously', async () => {
    const started = Date.now();
    const failures: string[] = [];
    let sent = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const c of casesFor(path, op)) {
          for (const [who, token] of [['admin', adminKey], ['anonymous', undefined]] as const) {
            const r = await send(method, c, token);
            sent++;
            if (isFailure(op, r)) failures.push(`${method.toUpperCase()} ${path} as ${who}, ${c.where}: ${r.status} ${r.text.slice(0, 160)}`);
          }
        }
      }
    }
    // The invalid percent-encoding case is answered in our error shape, before any handler.
    const bad = await fetch(`${app.url}/api/v1/media/%E0%A4%A`, { headers: { authorization: `Bearer ${adminKey}` } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation_failed', message: expect.stringContaining('percent-encoding') } });
    console.log(`[fuzz] ${sent} requests over ${Object.keys(doc.paths).length} paths in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 300_000);
});
