import { relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiRouteFiles, signUp } from './api';

type Doc = { openapi: string; paths: Record<string, Record<string, { 'x-access': string; security: unknown[] }>> };
let doc: Doc;

function pathOfRouteFile(file: string): string {
  const dirs = relative(process.cwd(), file).split(sep).slice(1, -1);
  return '/' + dirs.map((d) => d.replace(/^\[(\w+)\]$/, '{$1}')).join('/');
}

beforeAll(async () => {
  const res = await api('GET', '/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every route handler under app/api/v1 and the health route', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const files = [...apiRouteFiles('app/api/v1'), ...apiRouteFiles('app/api/health')];
    expect(files.length).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const file of files) {
      const mod = (await import(file)) as Record<string, { contract?: { method: string; path: string } }>;
      const bound = Object.values(mod).filter((h) => h?.contract);
      if (bound.length === 0) missing.push(`${file}: no handler bound to a contract`);
      for (const h of bound) {
        const { method, path } = h.contract!;
        if (path !== pathOfRouteFile(file)) missing.push(`${file}: contract path ${path} does not match the file's path`);
        if (!doc.paths[path]?.[method.toLowerCase()]) missing.push(`${method} ${path} (${file}) is not in the document`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents no operation that has no handler', async () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const file = apiRouteFiles('app/api').find((f) => pathOfRouteFile(f) === path);
      expect(file, `route file for ${path}`).toBeDefined();
      const mod = (await import(file!)) as Record<string, { contract?: unknown }>;
      for (const method of Object.keys(ops)) expect(mod[method.toUpperCase()]?.contract, `${method} ${path}`).toBeDefined();
    }
  });

  it('refuses every non-public operation without credentials, and admin operations for a plain user', async () => {
    const admin = await signUp('oa-admin');
    await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { registration: 'open' } });
    const plain = await signUp('oa-user');
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const url = path.replace(/\{\w+\}/g, 'nonexistent-id');
      for (const [method, op] of Object.entries(ops)) {
        if (op['x-access'] === 'public') {
          expect(op.security).toEqual([]);
          continue;
        }
        const body = method === 'get' ? undefined : {};
        const anon = await api(method.toUpperCase(), url, { body });
        expect(anon.status, `${method} ${path} without credentials`).toBe(401);
        expect(anon.body.error.code).toBe('unauthorized');
        if (op['x-access'] === 'admin') {
          const asUser = await api(method.toUpperCase(), url, { token: plain.token, body });
          expect(asUser.status, `${method} ${path} as a plain user`).toBe(403);
          expect(asUser.body.error.code).toBe('forbidden');
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
