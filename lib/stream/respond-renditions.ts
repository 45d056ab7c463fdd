// A renditions session's answers: the master playlist of the file's ready ladder (rung URLs under
// the session's), the rung playlists and their segments — only names the ladder uses, from its folder.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ApiError } from '@/lib/errors/api-error';
import { MASTER_PLAYLIST, RENDITION_FILE } from '@/lib/media/renditions';
import { renditionsDir } from './renditions-job';
import type { Session } from './session-store';

const HLS = 'application/vnd.apple.mpegurl';

export async function renditionsMasterResponse(s: Session, key: string): Promise<Response> {
  const text = await readFile(join(renditionsDir(s.fileId), MASTER_PLAYLIST), 'utf8').catch(() => {
    throw new ApiError('not_found', 'The renditions of this file are gone; start the stream again.');
  });
  // The master is served at /stream-session/<key>: its rungs are /stream-session/<key>/r720.m3u8.
  const body = text.split('\n').map((line) => (line && !line.startsWith('#') ? `${key}/${line}` : line)).join('\n');
  return new Response(body, { headers: { 'Content-Type': HLS, 'Cache-Control': 'no-store' } });
}

export async function renditionFileResponse(s: Session, name: string): Promise<Response> {
  if (!RENDITION_FILE.test(name)) throw new ApiError('invalid_stream_path', `"${name.slice(0, 60)}" is not a playlist or segment of this stream's renditions.`);
  const path = join(renditionsDir(s.fileId), name);
  const st = await stat(path).catch(() => null);
  if (!st?.isFile()) throw new ApiError('not_found', `${name} is not part of this file's renditions.`);
  if (name.endsWith('.m3u8')) return new Response(await readFile(path, 'utf8'), { headers: { 'Content-Type': HLS, 'Cache-Control': 'no-store' } });
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream;
  return new Response(body, { headers: { 'Content-Type': 'video/mp2t', 'Content-Length': String(st.size), 'Cache-Control': 'private, max-age=3600' } });
}
