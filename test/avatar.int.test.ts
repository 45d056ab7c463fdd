// POST /api/v1/user/setup {name, gender, avatar} and avatar uploads (PUT with the image as the body,
// POST as Dim's multipart form): stored, returned, served to signed-in users only; a renamed file,
// a wrong type and an oversized one are refused in our error shape. SQLite and PostgreSQL.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseImageKey } from '@/lib/media/image-key';
import { imagesDir, variantPath } from '@/lib/media/image-variants';
import { api, dispatch, signUp } from '@/test/api';

type Account = Awaited<ReturnType<typeof signUp>>;
let owner: Account;
let other: Account;
let png: Buffer;
let jpeg: Buffer;

const picture = (format: 'png' | 'jpeg') =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .toFormat(format)
    .toBuffer();
const upload = (who: Account, bytes: Uint8Array, type?: string) =>
  api('PUT', '/api/v1/user/avatar', { token: who.token, rawBody: bytes, headers: type ? { 'content-type': type } : {} });

beforeAll(async () => {
  owner = await signUp('avatar');
  await api('PATCH', '/api/v1/admin/settings', { token: owner.token, body: { registration: 'open' } });
  other = await signUp('viewer');
  [png, jpeg] = await Promise.all([picture('png'), picture('jpeg')]);
});

describe('POST /api/v1/user/setup', () => {
  it('stores and returns name, gender and avatar; a field left out keeps its value', async () => {
    const setup = await api('POST', '/api/v1/user/setup', { token: owner.token, body: { name: 'Dana', gender: 'non-binary', avatar: 'https://example.org/d.png' } });
    expect(setup.status).toBe(200);
    expect(setup.body).toMatchObject({ name: 'Dana', gender: 'non-binary', avatar: 'https://example.org/d.png' });
    expect((await api('GET', '/api/v1/user', { token: owner.token })).body).toMatchObject({ name: 'Dana', gender: 'non-binary', avatar: 'https://example.org/d.png' });

    const nameOnly = await api('POST', '/api/v1/user/setup', { token: owner.token, body: { name: 'Dana B.' } });
    expect(nameOnly.body).toMatchObject({ name: 'Dana B.', gender: 'non-binary', avatar: 'https://example.org/d.png' });
    const cleared = await api('POST', '/api/v1/user/setup', { token: owner.token, body: { name: 'Dana B.', gender: '  ', avatar: null } });
    expect(cleared.body).toMatchObject({ gender: null, avatar: null });
    // Other users' accounts are untouched.
    expect((await api('GET', '/api/v1/user', { token: other.token })).body).toMatchObject({ gender: null, avatar: null });
  });

  it('refuses a gender over 50 characters, unknown fields and an avatar that is no address', async () => {
    const long = await api('POST', '/api/v1/user/setup', { token: owner.token, body: { name: 'Dana', gender: 'x'.repeat(51) } });
    expect(long.status).toBe(400);
    expect(long.body.error.fields).toEqual([{ path: 'body.gender', message: 'Use at most 50 characters.' }]);
    const unknown = await api('POST', '/api/v1/user/setup', { token: owner.token, body: { name: 'Dana', sex: 'f' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('body.sex');
    expect((await api('POST', '/api/v1/user/setup', { token: owner.token, body: { name: 'Dana', avatar: 'javascript:alert(1)' } })).status).toBe(400);
  });
});

describe('PUT /api/v1/user/avatar', () => {
  it('stores the picture as WebP under a server-made name and serves it to signed-in users', async () => {
    const res = await upload(owner, png, 'image/png');
    expect(res.status).toBe(200);
    const match = /^\/api\/v1\/image\/([0-9a-f]{32}-64-128-256)$/.exec(res.body.avatar);
    expect(match).not.toBeNull();
    const key = parseImageKey(match![1])!;
    for (const w of key.widths) expect(existsSync(join(imagesDir(), variantPath(key.hash, w)))).toBe(true);
    expect((await api('GET', '/api/v1/user', { token: owner.token })).body.avatar).toBe(res.body.avatar);

    // Another signed-in user loads it (the header and user lists show avatars); nobody signed out does.
    const seen = await dispatch(new Request(`http://localhost:3000${res.body.avatar}?w=64`, { headers: { authorization: `Bearer ${other.token}` } }));
    expect(seen.status).toBe(200);
    expect(seen.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await seen.arrayBuffer())).metadata();
    expect([meta.format, meta.width]).toEqual(['webp', 64]);
    expect((await dispatch(new Request(`http://localhost:3000${res.body.avatar}`))).status).toBe(401);

    // A setup that leaves the avatar out keeps the upload.
    expect((await api('POST', '/api/v1/user/setup', { token: owner.token, body: { name: 'Dana' } })).body.avatar).toBe(res.body.avatar);
    // A JPEG works too, and replaces it.
    const again = await upload(owner, jpeg, 'image/jpeg');
    expect(again.status).toBe(200);
    expect(again.body.avatar).not.toBe(res.body.avatar);
  });

  it('refuses what is not the image it claims to be, with 415 unsupported_image', async () => {
    const before = (await api('GET', '/api/v1/user', { token: other.token })).body.avatar;
    const script = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const cases: [string, Uint8Array, string | undefined, RegExp][] = [
      ['a text file renamed .png', script, 'image/png', /not a PNG image/],
      ['a PNG sent as JPEG', png, 'image/jpeg', /not a JPEG image \(it is a PNG/],
      ['an SVG', script, 'image/svg+xml', /image\/png, image\/jpeg or image\/webp/],
      ['no content type', png, 'application/octet-stream', /image\/png, image\/jpeg or image\/webp/],
      ['a PNG signature with nothing after it', png.subarray(0, 40), 'image/png', /cannot be read/],
      ['an empty body', new Uint8Array(0), 'image/png', /empty/],
    ];
    for (const [name, bytes, type, message] of cases) {
      const res = await upload(other, bytes, type);
      expect([name, res.status, res.body.error.code]).toEqual([name, 415, 'unsupported_image']);
      expect(res.body.error.message).toMatch(message);
    }
    expect((await api('GET', '/api/v1/user', { token: other.token })).body.avatar).toBe(before);
  });

  it('refuses more than 2 MiB with 413, and callers who are not signed in with 401', async () => {
    const big = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
    const res = await upload(other, big, 'image/png');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    const anonymous = await api('PUT', '/api/v1/user/avatar', { rawBody: png, headers: { 'content-type': 'image/png' } });
    expect(anonymous.status).toBe(401);
  });
});

describe("POST /api/v1/user/avatar (Dim's form upload)", () => {
  const post = (form: FormData) =>
    dispatch(new Request('http://localhost:3000/api/v1/user/avatar', { method: 'POST', headers: { authorization: `Bearer ${other.token}` }, body: form }));

  it('takes the image from the form field `file`, with the same checks', async () => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'me.jpg');
    const res = await post(form);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { avatar: string }).avatar).toMatch(/^\/api\/v1\/image\/[0-9a-f]{32}-64-128-256$/);

    const renamed = new FormData();
    renamed.set('file', new Blob(['not an image'], { type: 'image/png' }), 'me.png');
    const refused = await post(renamed);
    expect(refused.status).toBe(415);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unsupported_image');

    const missing = new FormData();
    missing.set('picture', new Blob([new Uint8Array(png)], { type: 'image/png' }));
    expect((await post(missing)).status).toBe(400);
  });
});
