// The tus 1.0 server behind /api/v1/uploads (@tus/server with a file store in DATA_DIR/uploads).
// Who may call it is settled before tus sees a request (serve-upload.ts); here tus's hooks check
// what the upload is: its metadata, size and room on disk, and what becomes of it once complete.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { assertFreeSpace, assertVideo, placeInLibrary, queueLibraryScan, uploadFolderOf } from './finish-upload';
import { safeUploadName } from './safe-file-name';

export const UPLOADS_PATH = '/api/v1/uploads';
/** tus ids are ours (namingFunction): 32 hex digits, so an id from a URL never names another file. */
export const UPLOAD_ID = /^[0-9a-f]{32}$/;

/** The account a request was authenticated as, attached by serve-upload.ts for the hooks. */
export const uploaderOf = new WeakMap<Request, { id: string }>();

/** tus hooks report failures as `{status_code, body}`; ours carry our JSON error shape. */
function tusError(err: ApiError): { status_code: number; body: string } {
  return { status_code: err.status, body: JSON.stringify({ error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } }) };
}

async function hook<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ApiError) throw tusError(err);
    throw err;
  }
}

async function checkNewUpload(req: Request, upload: Upload): Promise<Upload['metadata']> {
  const user = uploaderOf.get(req);
  if (!user) throw new ApiError('unauthorized', 'Sign in to upload.');
  const meta = upload.metadata ?? {};
  const libraryId = meta.library_id;
  if (!libraryId) throw new ApiError('validation_failed', 'Upload-Metadata needs library_id.', { fields: [{ path: 'metadata.library_id', message: 'required' }] });
  if (!meta.filename) throw new ApiError('validation_failed', 'Upload-Metadata needs filename.', { fields: [{ path: 'metadata.filename', message: 'required' }] });
  const name = safeUploadName(meta.filename);
  if (upload.size === undefined) throw new ApiError('validation_failed', 'Send Upload-Length: uploads of unknown length are not accepted.');
  const { maxBytes } = config().upload;
  if (upload.size > maxBytes) throw new ApiError('upload_too_large', `The file is ${Math.ceil(upload.size / 1048576)} MiB; this server accepts uploads up to ${maxBytes / 1048576} MiB.`);
  const library = await db.library.findUnique({ where: { id: libraryId }, select: { id: true } });
  if (!library) throw new ApiError('not_found', 'No such library.');
  const folder = await uploadFolderOf(libraryId);
  await assertFreeSpace(folder, upload.size, 'The library folder');
  await assertFreeSpace(config().paths.uploads, upload.size, 'The upload folder (DATA_DIR/uploads)');
  // Checked again when the file is placed; asking now saves sending gigabytes for nothing.
  await placeable(folder, name);
  // The stored metadata is ours: the owner, the library and the safe name; nothing else the client sent.
  return { filename: name, library_id: libraryId, user_id: user.id, client_name: meta.filename.slice(0, 255) };
}

async function placeable(folder: string, name: string): Promise<void> {
  const exists = await access(join(folder, name)).then(() => true, () => false);
  if (exists) throw new ApiError('file_exists', `"${name}" is already in the library; nothing was overwritten. Rename the file and upload it again.`);
}

async function finishUpload(store: FileStore, upload: Upload): Promise<{ headers: Record<string, string> }> {
  const part = join(config().paths.uploads, upload.id);
  const meta = upload.metadata ?? {};
  try {
    await assertVideo(part);
    const folder = await uploadFolderOf(meta.library_id ?? '');
    const placed = await placeInLibrary(part, folder, meta.filename ?? '');
    await queueLibraryScan(meta.library_id ?? '');
    return { headers: { 'Upload-Result': encodeURIComponent(placed.slice(folder.length + 1)) } };
  } finally {
    // Complete uploads leave nothing in DATA_DIR/uploads: placed, or refused and deleted.
    await store.remove(upload.id).catch(() => undefined);
  }
}

let server: { tus: Server; store: FileStore } | undefined;

export function tusUploads(): { tus: Server; store: FileStore } {
  if (server) return server;
  const store = new FileStore({ directory: config().paths.uploads, expirationPeriodInMilliseconds: 7 * 24 * 3600_000 });
  const tus = new Server({
    path: UPLOADS_PATH,
    datastore: store,
    relativeLocation: true,
    maxSize: config().upload.maxBytes,
    // Same-origin only: the browser page and API clients; no cross-site browser uploads.
    allowedOrigins: () => false,
    namingFunction: () => crypto.randomUUID().replace(/-/g, ''),
    onUploadCreate: (req, upload) => hook(async () => ({ metadata: await checkNewUpload(req as unknown as Request, upload) })),
    onUploadFinish: (_req, upload) => hook(() => finishUpload(store, upload)),
  });
  server = { tus, store };
  return server;
}
