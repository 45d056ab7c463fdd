// HLS answers for a stream session: the master playlist, the media playlist and segments. A
// segment is sent only once ffmpeg has listed it (complete, whatever the build); until then the
// request waits on the worker's `stream.changed` events, not on a timer.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { notify, waitFor, WaitTimeoutError } from '@/lib/events/events';
import { ApiError } from '@/lib/errors/api-error';
import { MEDIA_PLAYLIST, masterPlaylist, SEGMENT_PATTERN, segmentCount, vodPlaylist } from './hls';
import { directPlayResponse, planDirectPlay } from './respond-direct';
import { readySegments } from './segment-ready';
import { type Session, sessionDir, sessionFor, sessionState, touchSession } from './session-store';
import { streamChanged, streamRequested } from './stream-events';
import { trickplayManifestResponse, TRICKPLAY_MANIFEST } from './respond-extras';
import { renditionFileResponse, renditionsMasterResponse } from './respond-renditions';
import { RENDITION_FILE } from '@/lib/media/renditions';

const HLS = 'application/vnd.apple.mpegurl';
const SEGMENT_WAIT_MS = 25_000;

/** Direct play: the file with Range; HLS: the master playlist. */
export async function streamRoot(userId: string, key: string, req: Request): Promise<Response> {
  const s = await sessionFor(userId, key);
  const direct = await planDirectPlay(s, { range: req.headers.get('range'), ifRange: req.headers.get('if-range'), method: req.method });
  if (direct) return directPlayResponse(direct);
  await requested(s);
  if (s.status === 'failed') throw new ApiError('stream_failed', s.error ?? 'The stream failed.');
  if (s.mode === 'renditions') return renditionsMasterResponse(s, key);
  return new Response(masterPlaylist(s.plan.decision, `${key}/${MEDIA_PLAYLIST}`), { headers: { 'Content-Type': HLS, 'Cache-Control': 'no-store' } });
}

/** Tells the worker a player is here (and which segment it wants), and keeps the row's time fresh. */
async function requested(s: Session, segment?: number) {
  notify(streamRequested, { sessionId: s.id, ...(segment === undefined ? {} : { segment }) });
  await touchSession(s.id);
}

/**
 * Waits until `ready()` holds: re-checked on each `stream.changed` of this session and, as the
 * fallback for a lost event, every second together with the row (failed or ended sessions end the
 * wait) — when the request is said again, in case the worker had not yet subscribed to hear it.
 */
async function waitUntil(s: Session, what: string, ready: () => Promise<boolean>, segment?: number): Promise<void> {
  if (await ready()) return;
  try {
    await waitFor(
      streamChanged,
      async (event) => {
        if (event && event.sessionId !== s.id) return false;
        if (!event) notify(streamRequested, { sessionId: s.id, ...(segment === undefined ? {} : { segment }) });
        const state = event ?? (await sessionState(s.id).then((row) => row && { state: row.status, error: row.error ?? undefined }));
        if (!state || state.state === 'ended') throw new ApiError('not_found', 'The stream session ended.');
        if (state.state === 'failed') throw new ApiError('stream_failed', state.error ?? 'The stream failed.');
        return ready();
      },
      { timeoutMs: SEGMENT_WAIT_MS, what },
    );
  } catch (err) {
    if (err instanceof WaitTimeoutError) throw new ApiError('segment_timeout', `${what} was not ready within ${SEGMENT_WAIT_MS / 1000} s; retry.`);
    throw err;
  }
}

/** HLS: the media playlist, one segment, or the scrub-preview manifest. Other names never reach the filesystem. */
export async function streamPart(userId: string, key: string, name: string): Promise<Response> {
  const seg = SEGMENT_PATTERN.exec(name);
  if (name !== MEDIA_PLAYLIST && name !== TRICKPLAY_MANIFEST && !seg && !RENDITION_FILE.test(name)) throw new ApiError('invalid_stream_path', `"${name.slice(0, 60)}" is not a playlist or segment name of this stream.`);
  const s = await sessionFor(userId, key);
  if (name === TRICKPLAY_MANIFEST) return trickplayManifestResponse(s, key);
  if (s.mode === 'renditions') {
    await requested(s);
    return renditionFileResponse(s, name);
  }
  if (RENDITION_FILE.test(name) && !seg) throw new ApiError('invalid_stream_path', `"${name.slice(0, 60)}" is not a playlist or segment name of this stream.`);
  if (s.mode === 'direct') throw new ApiError('not_found', 'A direct-play session has no playlists or segments.');
  const dir = sessionDir(s.id);
  if (name === MEDIA_PLAYLIST) {
    await requested(s);
    if (s.mode === 'transcode') {
      return new Response(vodPlaylist(s.plan.duration, s.plan.segmentSeconds), { headers: { 'Content-Type': HLS, 'Cache-Control': 'no-store' } });
    }
    // Remux: ffmpeg's own playlist, growing as it goes (segments follow the source's keyframes).
    const path = join(dir, MEDIA_PLAYLIST);
    await waitUntil(s, 'The playlist', () => stat(path).then(() => true, () => false));
    return new Response(await readFile(path, 'utf8'), { headers: { 'Content-Type': HLS, 'Cache-Control': 'no-store' } });
  }
  const n = Number(seg![1]);
  if (s.mode === 'transcode' && n >= segmentCount(s.plan.duration, s.plan.segmentSeconds)) throw new ApiError('not_found', `Segment ${n} is past the end of the stream.`);
  await requested(s, n);
  await waitUntil(s, `Segment ${n}`, async () => (await readySegments(dir)).has(n), n);
  const path = join(dir, name);
  const st = await stat(path);
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream;
  return new Response(body, { headers: { 'Content-Type': 'video/mp2t', 'Content-Length': String(st.size), 'Cache-Control': 'private, max-age=3600' } });
}
