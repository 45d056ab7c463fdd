// Resumable uploads through the web server's real upload path (server/uploads.ts on a Node HTTP
// server), with tus-js-client from node and with raw tus requests.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { runBinary } from '@/lib/media/run-binary';
import { scanLibraryJob } from '@/lib/scan/scan-library-job';
import { isUploadRequest, serveUploadNode } from './uploads';
import { api, browserSignIn, signUp } from '@/test/api';
import { fixtureFfmpeg } from '@/test/fixture-ffmpeg';
import { waitFor } from '@/test/wait-for';

let server: Server;
let base: string;
let admin: { id: string; token: string };
let libraryId: string;
let libraryDir: string;
let video: Buffer;
const tmp = mkdtempSync(join(tmpdir(), 'marquee-upload-'));

const b64 = (s: string) => Buffer.from(s).toString('base64');
const metadata = (filename: string, library = libraryId) => `filename ${b64(filename)},library_id ${b64(library)}`;

async function create(token: string, filename: string, length: number, extra: Record<string, string> = {}) {
  return fetch(`${base}/api/v1/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', 'upload-length': String(length), 'upload-metadata': metadata(filename), ...extra },
  });
}

async function patch(token: string, location: string, offset: number, bytes: Buffer) {
  return fetch(base + location, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
    body: new Uint8Array(bytes),
  });
}

async function head(token: string, location: string) {
  return fetch(base + location, { method: 'HEAD', headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' } });
}

function tusUpload(file: Buffer, filename: string, options: Partial<tus.UploadOptions> = {}): { upload: tus.Upload; done: Promise<void> } {
  let upload!: tus.Upload;
  const done = new Promise<void>((resolve, reject) => {
    upload = new tus.Upload(file, {
      endpoint: `${base}/api/v1/uploads`,
      headers: { authorization: `Bearer ${admin.token}` },
      metadata: { filename, library_id: libraryId },
      chunkSize: 16 * 1024,
      retryDelays: [],
      onSuccess: () => resolve(),
      onError: reject,
      ...options,
    });
  });
  upload.start();
  return { upload, done };
}

const libraryFiles = () => readdirSync(libraryDir).sort();
const partFiles = () => readdirSync(config().paths.uploads).filter((f) => !f.startsWith('.'));

async function scan() {
  const ctx = { jobId: 'test', signal: new AbortController().signal, progress: async () => undefined };
  return scanLibraryJob.handle(scanLibraryJob.schema.parse({ libraryId }), ctx);
}

beforeAll(async () => {
  const ffmpeg = await fixtureFfmpeg();
  const out = join(tmp, 'clip.mp4');
  // A 3 s H.264/AAC clip; moov at the end, so a cut-off copy is unreadable like a real truncated file.
  const made = await runBinary(ffmpeg, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=3:size=320x240:rate=24', '-f', 'lavfi', '-i', 'sine=duration=3', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', '-y', out], { timeoutMs: 60_000 });
  expect(made.code, made.stderr).toBe(0);
  video = readFileSync(out);
  expect(video.length).toBeGreaterThan(16 * 1024 * 4);

  const me = await signUp('upadmin');
  admin = { id: me.id, token: me.token };
  expect((await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { registration: 'open' } })).status).toBe(200);
  libraryDir = join(tmp, 'library');
  mkdirSync(libraryDir);
  const lib = await api('POST', '/api/v1/library', { token: admin.token, body: { name: 'Uploads', paths: [libraryDir], type: 'movies' } });
  expect(lib.status).toBe(201);
  libraryId = lib.body.id;

  server = createServer((req, res) => {
    if (isUploadRequest(req.url)) void serveUploadNode(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
  rmSync(tmp, { recursive: true, force: true });
});

describe('uploads (tus)', () => {
  it('puts a complete upload into the library under its name, and it is scanned', async () => {
    const { done } = tusUpload(video, 'My Home Video (2024).mp4');
    await done;
    expect(libraryFiles()).toContain('My Home Video (2024).mp4');
    expect(readFileSync(join(libraryDir, 'My Home Video (2024).mp4')).equals(video)).toBe(true);
    expect(partFiles()).toEqual([]);
    const queued = await db.job.findMany({ where: { name: scanLibraryJob.name } });
    expect(queued.some((j) => JSON.stringify(j.payload).includes(libraryId))).toBe(true);
    await scan();
    const file = await db.mediaFile.findFirst({ where: { libraryId, path: join(libraryDir, 'My Home Video (2024).mp4') } });
    expect(file).not.toBeNull();
  }, 60_000);

  it('resumes an upload whose connection dropped mid-way: HEAD tells the offset, the rest completes it', async () => {
    const created = await create(admin.token, 'resumed.mp4', video.length);
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const firstPart = Math.floor(video.length * 0.4);
    expect((await patch(admin.token, location, 0, video.subarray(0, firstPart))).status).toBe(204);
    // A PATCH whose connection drops after a few more bytes, as on a network failure.
    await new Promise<void>((resolve) => {
      const req = request(base + location, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${admin.token}`, 'tus-resumable': '1.0.0', 'upload-offset': String(firstPart), 'content-type': 'application/offset+octet-stream', 'content-length': String(video.length - firstPart) },
      });
      req.on('error', () => resolve());
      req.write(video.subarray(firstPart, firstPart + 20_000), () => setImmediate(() => {
        req.destroy();
        resolve();
      }));
    });
    // HEAD waits for the dropped PATCH to let go of the upload, then says what was kept.
    const offset = await waitFor(async () => {
      const res = await head(admin.token, location);
      const value = Number(res.headers.get('upload-offset'));
      return res.status === 200 && value >= firstPart ? value : null;
    }, { timeoutMs: 30_000, what: 'the upload offset' });
    expect(offset).toBeLessThan(video.length);
    expect(libraryFiles()).not.toContain('resumed.mp4');
    const rest = await patch(admin.token, location, offset, video.subarray(offset));
    expect(rest.status).toBe(204);
    expect(readFileSync(join(libraryDir, 'resumed.mp4')).equals(video)).toBe(true);
  }, 60_000);

  it('resumes with tus-js-client from the upload URL after an abort', async () => {
    let url = '';
    const first = tusUpload(video, 'client-resumed.mp4', {
      onProgress(sent, total) {
        url = first.upload.url ?? '';
        if (sent >= total / 3) void first.upload.abort();
      },
    });
    await waitFor(() => url, { timeoutMs: 30_000, what: 'the upload URL' });
    const second = tusUpload(video, 'client-resumed.mp4', { uploadUrl: url });
    await second.done;
    expect(readFileSync(join(libraryDir, 'client-resumed.mp4')).equals(video)).toBe(true);
  }, 60_000);

  it('refuses an upload over UPLOAD_MAX_MB before any byte is sent', async () => {
    const res = await create(admin.token, 'huge.mkv', config().upload.maxBytes + 1);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('upload_too_large');
    expect(partFiles()).toEqual([]);
  });

  it('refuses a non-video and a truncated video after upload, deleting them, leaving nothing in the library', async () => {
    const before = libraryFiles();
    const text = Buffer.from('this is not a video at all\n'.repeat(100));
    const truncated = video.subarray(0, Math.floor(video.length / 2));
    for (const [name, bytes] of [['notes.mkv', text], ['cut.mp4', truncated]] as const) {
      const created = await create(admin.token, name, bytes.length);
      expect(created.status).toBe(201);
      const res = await patch(admin.token, created.headers.get('location')!, 0, bytes);
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.error.code).toBe('not_a_video');
      expect(body.error.message).toMatch(/deleted/);
    }
    expect(libraryFiles()).toEqual(before);
    expect(partFiles()).toEqual([]);
  }, 60_000);

  it('refuses a name that is not a video, and a duplicate name, without overwriting', async () => {
    const bad = await create(admin.token, 'readme.txt', 10);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('validation_failed');
    writeFileSync(join(libraryDir, 'taken.mp4'), 'original');
    const dup = await create(admin.token, 'taken.mp4', video.length);
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.code).toBe('file_exists');
    expect(readFileSync(join(libraryDir, 'taken.mp4'), 'utf8')).toBe('original');
  });

  it('keeps a path-like filename inside the library under a safe name', async () => {
    const { done } = tusUpload(video, '../../etc/passwd.mkv');
    await done;
    expect(libraryFiles()).toContain('passwd.mkv');
    const hidden = tusUpload(video, '..\\..\\.hidden\u0007.webm');
    await hidden.done;
    expect(libraryFiles()).toContain('hidden.webm');
  }, 60_000);

  it('refuses a user without upload permission (403) until an admin allows it', async () => {
    const user = await signUp('upuser');
    const refused = await create(user.token, 'mine.mp4', video.length);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('forbidden');
    const allowed = await api('PATCH', `/api/v1/admin/users/${user.id}`, { token: admin.token, body: { can_upload: true } });
    expect(allowed.status).toBe(200);
    expect(allowed.body.can_upload).toBe(true);
    expect((await create(user.token, 'mine.mp4', video.length)).status).toBe(201);
    const anonymous = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: { 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': metadata('x.mp4') } });
    expect(anonymous.status).toBe(401);
  });

  it("does not let another user HEAD, PATCH or DELETE someone else's upload", async () => {
    const other = await signUp('upother');
    await api('PATCH', `/api/v1/admin/users/${other.id}`, { token: admin.token, body: { can_upload: true } });
    const created = await create(admin.token, 'private.mp4', video.length);
    const location = created.headers.get('location')!;
    expect((await head(other.token, location)).status).toBe(404);
    const sneaky = await patch(other.token, location, 0, video.subarray(0, 100));
    expect(sneaky.status).toBe(404);
    expect((await sneaky.json()).error.code).toBe('not_found');
    const del = await fetch(base + location, { method: 'DELETE', headers: { authorization: `Bearer ${other.token}`, 'tus-resumable': '1.0.0' } });
    expect(del.status).toBe(404);
    expect(Number((await head(admin.token, location)).headers.get('upload-offset'))).toBe(0);
  });

  it('takes a browser-cookie upload only from the same origin, with tus content types', async () => {
    const { cookie } = await browserSignIn(admin.id);
    const tusHeaders = { cookie, 'tus-resumable': '1.0.0', 'upload-length': String(video.length), 'upload-metadata': metadata('cookie.mp4') };
    const crossSite = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: { ...tusHeaders, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.code).toBe('csrf_origin');
    const noOrigin = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: tusHeaders });
    expect(noOrigin.status).toBe(403);
    // A cross-site PATCH with the tus body type is refused as well.
    const forged = await fetch(`${base}/api/v1/uploads/${'0'.repeat(32)}`, { method: 'PATCH', headers: { cookie, origin: 'https://evil.example', 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body: 'x' });
    expect(forged.status).toBe(403);
    const created = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: { ...tusHeaders, origin: base, 'sec-fetch-site': 'same-origin' } });
    expect(created.status).toBe(201);
    const sent = await fetch(base + created.headers.get('location')!, {
      method: 'PATCH',
      headers: { cookie, origin: base, 'sec-fetch-site': 'same-origin', 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: new Uint8Array(video),
    });
    expect(sent.status).toBe(204);
    expect(libraryFiles()).toContain('cookie.mp4');
  }, 60_000);

  it('refuses an upload to an unknown library', async () => {
    const unknown = await fetch(`${base}/api/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': metadata('x.mp4', 'no-such-library') },
    });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
  });
});
