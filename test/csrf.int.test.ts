// Issue #14, item 3: a cookie-authenticated write must come from this site and carry JSON; Bearer
// tokens and API keys are not browser-sent, so they are not checked.
import { beforeAll, describe, expect, it } from 'vitest';
import { api, browserSignIn, signUp } from './api';

let admin: Awaited<ReturnType<typeof signUp>>;
let cookie: string;

const newKey = { name: 'csrf probe', scope: 'read' };
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  admin = await signUp('admin');
  ({ cookie } = await browserSignIn(admin.id));
});

describe('cookie-authenticated writes (CSRF)', () => {
  it('refuses an evil Origin with 403 csrf_origin, and does nothing', async () => {
    const before = (await api('GET', '/api/v1/user/api-keys', { cookie })).body.length;
    const r = await api('POST', '/api/v1/user/api-keys', { cookie, headers: { origin: 'http://evil.example' }, body: newKey });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('csrf_origin');
    const invite = await api('POST', '/api/v1/admin/invites', { cookie, headers: { origin: 'http://evil.example', ...json } });
    expect(invite.status).toBe(403);
    expect(invite.body.error.code).toBe('csrf_origin');
    expect((await api('GET', '/api/v1/user/api-keys', { cookie })).body.length).toBe(before);
  });

  it('refuses Sec-Fetch-Site cross-site or same-site with no Origin, and a write with neither header', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const r = await api('POST', '/api/v1/user/api-keys', { cookie, headers: { 'sec-fetch-site': site }, body: newKey });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('csrf_origin');
    }
    // Even a matching Origin does not outvote the browser's own cross-site verdict.
    const mixed = await api('POST', '/api/v1/user/api-keys', { cookie, headers: { 'sec-fetch-site': 'cross-site', origin: 'http://localhost:3000' }, body: newKey });
    expect(mixed.status).toBe(403);
    const bare = await api('POST', '/api/v1/user/api-keys', { cookie, body: newKey });
    expect(bare.status).toBe(403);
    expect((await api('POST', '/api/v1/user/api-keys', { cookie, headers: { origin: 'null' }, body: newKey })).status).toBe(403);
  });

  it('accepts same-origin writes: Sec-Fetch-Site same-origin, PUBLIC_URL origin, or the request host', async () => {
    const bySite = await api('POST', '/api/v1/user/api-keys', { cookie, headers: { 'sec-fetch-site': 'same-origin' }, body: newKey });
    expect(bySite.status).toBe(201);
    const byOrigin = await api('POST', '/api/v1/user/api-keys', { cookie, headers: { origin: process.env.PUBLIC_URL ?? 'http://localhost:3000' }, body: newKey });
    expect(byOrigin.status).toBe(201);
    // Behind a proxy that keeps Host, the Origin matches the host the request came to.
    const byHost = await api('POST', '/api/v1/user/api-keys', { cookie, headers: { origin: 'https://localhost:3000', host: 'localhost:3000' }, body: newKey });
    expect(byHost.status).toBe(201);
    const evilHost = await api('POST', '/api/v1/user/api-keys', { cookie, headers: { origin: 'http://localhost:3000.evil.example' }, body: newKey });
    expect(evilHost.status).toBe(403);
    // Reads are not writes: no Origin needed.
    expect((await api('GET', '/api/v1/user/api-keys', { cookie, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
  });

  it('refuses a body with no Content-Type with 415', async () => {
    const r = await api('POST', '/api/v1/user/api-keys', { cookie, headers: { 'sec-fetch-site': 'same-origin' }, rawBody: JSON.stringify(newKey) });
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('unsupported_media_type');
    // For a Bearer caller as well: an untyped body is not guessed to be JSON.
    const bearer = await api('POST', '/api/v1/user/api-keys', { token: admin.token, rawBody: JSON.stringify(newKey) });
    expect(bearer.status).toBe(415);
  });

  it('refuses form-encoded bodies with 415, even on a route that takes no body', async () => {
    const form = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' };
    const r = await api('POST', '/api/v1/user/api-keys', { cookie, headers: form, rawBody: 'name=x&scope=full' });
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('unsupported_media_type');
    const invite = await api('POST', '/api/v1/admin/invites', { cookie, headers: form, rawBody: '' });
    expect(invite.status).toBe(415);
    const text = await api('POST', '/api/v1/admin/invites', { cookie, headers: { ...form, 'content-type': 'text/plain' }, rawBody: '{}' });
    expect(text.status).toBe(415);
  });

  it('leaves Bearer tokens and API keys alone: an evil Origin is no concern of theirs', async () => {
    const headers = { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' };
    const byToken = await api('POST', '/api/v1/user/api-keys', { token: admin.token, headers, body: { name: 'full key', scope: 'full' } });
    expect(byToken.status).toBe(201);
    const byKey = await api('POST', '/api/v1/admin/invites', { token: byToken.body.key, headers });
    expect(byKey.status).toBe(201);
  });
});
