// The one entry to /api/v1/uploads for both the web server (server/web-server.ts, before Next)
// and the route files: who is calling and whether they may upload, which upload is theirs, and our
// error shape on every refusal — tus then speaks the protocol. tus PATCH bodies are
// application/offset+octet-stream, so the JSON-only rule of cookie writes does not fit here; a
// cookie-authenticated write must still come from our own origin (Origin or Sec-Fetch-Site, lib/http/csrf.ts).
import { ApiError } from '@/lib/errors/api-error';
import { errorCodes, type ErrorCode } from '@/lib/errors/error-codes';
import type { AuthContext } from '@/lib/http/auth-context';
import { authenticate } from '@/lib/http/authenticate';
import { isSameOriginRequest, isUnsafeMethod } from '@/lib/http/csrf';
import { toErrorResponse } from '@/lib/http/error-response';
import { mayUpload } from './may-upload';
import { tusUploads, UPLOAD_ID, UPLOADS_PATH, uploaderOf } from './tus-uploads';

export function isUploadPath(pathname: string): boolean {
  return pathname === UPLOADS_PATH || pathname.startsWith(UPLOADS_PATH + '/');
}

/**
 * The request as authenticate() should see it: tus bodies are application/offset+octet-stream, not
 * JSON, so the content type is left out; the cookie's same-origin check (lib/http/csrf.ts) still runs.
 */
function forAuthentication(req: Request): Request {
  const headers = new Headers(req.headers);
  headers.delete('content-type');
  return new Request(req.url, { method: req.method, headers });
}

/** Throws unless `auth` may upload at all: full-scope credentials, a same-origin cookie write, an admin or a user allowed to. */
async function assertMayUpload(req: Request, auth: AuthContext | null): Promise<AuthContext> {
  if (!auth) throw new ApiError('unauthorized', 'Sign in, or send Authorization: Bearer <token or API key>.');
  if (auth.via === 'key' && auth.scope !== 'full') throw new ApiError('forbidden', `This API key's scope (${auth.scope}) does not allow uploads.`);
  if (auth.via === 'cookie' && isUnsafeMethod(req.method) && !isSameOriginRequest(req)) {
    throw new ApiError('forbidden', 'A browser upload must come from this server’s own pages (same origin).');
  }
  if (!(await mayUpload(auth.user))) throw new ApiError('forbidden', 'This account may not upload videos; an admin can allow it (Admin → Users).');
  return auth;
}

/** The upload named by the URL, only if it belongs to `userId` (anyone else's is "not found"). */
async function assertOwnUpload(id: string, userId: string): Promise<void> {
  if (!UPLOAD_ID.test(id)) throw new ApiError('not_found', 'No such upload.');
  const upload = await tusUploads().store.getUpload(id).catch(() => null);
  if (!upload || upload.metadata?.user_id !== userId) throw new ApiError('not_found', 'No such upload.');
}

const TUS_CODES: Record<number, ErrorCode> = { 400: 'validation_failed', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 410: 'not_found', 412: 'validation_failed', 413: 'upload_too_large', 415: 'validation_failed', 460: 'validation_failed' };

/** tus answers its own refusals in plain text; give them our JSON error shape (hooks' errors already have it). */
async function inOurShape(res: Response): Promise<Response> {
  if (res.status < 400) return res;
  const text = await res.text();
  const headers = new Headers(res.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  let body = text;
  try {
    if (!(JSON.parse(text) as { error?: unknown }).error) throw new Error('not ours');
  } catch {
    const code = TUS_CODES[res.status] ?? (res.status >= 500 ? 'internal_error' : 'validation_failed');
    body = JSON.stringify({ error: { code, message: text.trim() || errorCodes[code].description } });
  }
  return new Response(body, { status: res.status, headers });
}

export async function serveUpload(req: Request): Promise<Response> {
  try {
    const auth = await assertMayUpload(req, await authenticate(forAuthentication(req)));
    const pathname = new URL(req.url).pathname;
    const rest = pathname.slice(UPLOADS_PATH.length).replace(/^\//, '');
    if (rest) await assertOwnUpload(rest, auth.user.id);
    else if (req.method !== 'POST' && req.method !== 'OPTIONS') throw new ApiError('method_not_allowed', `${req.method} needs an upload URL; create one with POST ${UPLOADS_PATH}.`, { headers: { Allow: 'POST' } });
    uploaderOf.set(req, { id: auth.user.id });
    return await inOurShape(await tusUploads().tus.handleWeb(req));
  } catch (err) {
    return toErrorResponse(err);
  }
}
