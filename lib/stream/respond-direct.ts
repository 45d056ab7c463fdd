// Direct play: the file itself with HTTP Range, If-Range and ETag. `planDirectPlay` decides the
// status, headers and byte range; the route handler streams it as a web Response and the web
// server's fast path (server/direct-play.ts) pipes it straight into the socket.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { ApiError } from '@/lib/errors/api-error';
import { errorResponse } from '@/lib/http/error-response';
import { servedFile } from '@/lib/scan/served-path';
import { contentTypeFor, parseRange } from './range';
import type { Session } from './session-store';

export type DirectPlay = { path: string; status: 200 | 206 | 416; headers: Record<string, string>; start: number; end: number; empty: boolean };

export const outsideLibrary = () => new ApiError('file_outside_library', 'This file resolves (through a symbolic link) outside every library folder, so it is not served.');

/** How to answer a direct-play request, or null for an HLS session. The path to send is the checked real path. */
export async function planDirectPlay(s: Session, h: { range: string | null; ifRange: string | null; method: string }): Promise<DirectPlay | null> {
  if (s.mode !== 'direct') return null;
  let st;
  try {
    st = await stat(s.file.path);
  } catch {
    throw new ApiError('not_found', 'The file is no longer on disk.');
  }
  // Checked on every request: a symlink can be changed to point elsewhere after the session began.
  const path = await servedFile(s.file.path);
  if (!path) throw outsideLibrary();
  const size = st.size;
  const etag = `"${size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"`;
  const base = { 'Accept-Ranges': 'bytes', ETag: etag, 'Content-Type': contentTypeFor(s.plan.container), 'Cache-Control': 'private, no-transform' };
  const range = h.ifRange && h.ifRange !== etag ? null : parseRange(h.range, size);
  if (range === 'unsatisfiable') return { path, status: 416, headers: { ...base, 'Content-Range': `bytes */${size}` }, start: 0, end: -1, empty: true };
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const headers: Record<string, string> = { ...base, 'Content-Length': String(end - start + 1) };
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  return { path, status: range ? 206 : 200, headers, start, end, empty: h.method === 'HEAD' || size === 0 };
}

/** The planned answer as a web Response (416 in our error shape). */
export function directPlayResponse(direct: DirectPlay): Response {
  if (direct.status === 416) {
    return errorResponse('range_not_satisfiable', `The range starts past the end of the file (${direct.headers['Content-Range'].slice(8)} bytes).`, 416, {}, direct.headers);
  }
  const body = direct.empty ? null : (Readable.toWeb(createReadStream(direct.path, { start: direct.start, end: direct.end, highWaterMark: 256 * 1024 })) as ReadableStream);
  return new Response(body, { status: direct.status, headers: direct.headers });
}
