// Stream sessions, the web side: create one (decide, check capacity and disk, queue the worker's
// transcode), answer its requests (the file with Range, or HLS playlists and segments made by the
// worker), and end it. A session belongs to one user: another user's key is a 404.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, readFile, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/http/api-error';
import { errorResponse } from '@/lib/http/error-response';
import { jobQueue } from '@/lib/jobs/job-queue';
import { type MediaInfo, mediaInfoSchema } from '@/lib/media/media-info';
import { BASELINE_CAPABILITIES, capabilitiesSchema } from './capabilities';
import { type Decision, decideStream, qualitiesFor } from './decide';
import { MEDIA_PLAYLIST, SEGMENT_PATTERN, SEGMENT_SECONDS, masterPlaylist, segmentCount, vodPlaylist } from './hls';
import { contentTypeFor, parseRange } from './range';
import { subtitleCachePath, subtitleExtractJob } from './subtitle-job';
import { SUBTITLE_NAME_PATTERN, subtitleTracks } from './subtitle-tracks';
import { transcodeSessionJob } from './transcode-job';
import { readTrickplay, SHEET_PATTERN, trickplayDir, trickplayJob } from './trickplay';

const TRICKPLAY_MANIFEST = 'trickplay.json';

export const createStreamBodySchema = z.object({
  media_id: z.string().min(1).max(100).describe('A movie, video or episode id, or a file id to play that version'),
  video_offset: z.number().min(0).default(0).describe('Seconds from the start where playback begins'),
  supported_codecs: capabilitiesSchema.optional(),
  quality: z.enum(['original', '1080p', '720p', '480p']).default('original'),
  audio_index: z.number().int().min(0).optional().describe('ffmpeg stream index of the audio track (from audio_tracks)'),
  burn_subtitle: z.string().max(20).optional().describe('id of an image subtitle track to burn into the video'),
});
export type CreateStreamBody = z.infer<typeof createStreamBodySchema>;

/** What the session row's `plan` holds. */
export type StreamPlan = { decision: Decision; duration: number; segmentSeconds: number; container: string };

export const LIVE_STATUSES = ['starting', 'running'];
const HLS = 'application/vnd.apple.mpegurl';
const SEGMENT_WAIT_MS = 25_000;
const TRICKPLAY_DELAY_MS = 15_000;

/** The file to play for a movie, video, episode or file id: the first present version with probe facts. */
async function resolveFile(mediaId: string) {
  const select = { id: true, path: true, mediaInfo: true, status: true, size: true, mtimeMs: true } as const;
  const where = { status: 'ok' as const, mediaInfo: { not: null as never } };
  const byFile = await db.mediaFile.findUnique({ where: { id: mediaId }, select });
  if (byFile) return byFile;
  const item = await db.mediaItem.findUnique({ where: { id: mediaId }, select: { kind: true } });
  if (item && item.kind !== 'show') {
    return db.mediaFile.findFirst({ where: { ...where, itemId: mediaId }, select, orderBy: { size: 'desc' } });
  }
  const episode = await db.episode.findUnique({ where: { id: mediaId }, select: { id: true } });
  if (episode) return db.mediaFile.findFirst({ where: { ...where, episodes: { some: { episodeId: mediaId } } }, select, orderBy: { size: 'desc' } });
  return null;
}

async function playableFile(mediaId: string): Promise<{ id: string; path: string; info: MediaInfo }> {
  const file = await resolveFile(mediaId);
  if (!file || file.status !== 'ok' || !file.mediaInfo) throw new ApiError('not_found', 'No playable file for this id.');
  const info = mediaInfoSchema.safeParse(file.mediaInfo);
  if (!info.success || !info.data.duration) throw new ApiError('not_found', 'This file has no known duration; it cannot be streamed.');
  try {
    await access(file.path);
  } catch {
    throw new ApiError('not_found', 'The file is missing on disk; a rescan will mark it.');
  }
  return { id: file.id, path: file.path, info: info.data };
}

/** Live transcodes: a session whose player went away stops counting once it is idle. */
async function liveTranscodes(): Promise<number> {
  const since = new Date(Date.now() - config().stream.idleMs);
  return db.streamSession.count({ where: { mode: 'transcode', status: { in: LIVE_STATUSES }, lastRequestAt: { gte: since } } });
}

async function checkDisk(): Promise<void> {
  const dir = config().paths.transcode;
  await mkdir(dir, { recursive: true });
  const fs = await statfs(dir);
  const free = fs.bavail * fs.bsize;
  const need = config().stream.minFreeBytes;
  if (free < need) {
    throw new ApiError('insufficient_storage', `The transcode folder has ${Math.round(free / 2 ** 20)} MiB free; at least ${Math.round(need / 2 ** 20)} MiB is needed.`);
  }
}

export async function createStreamSession(userId: string, body: CreateStreamBody) {
  const file = await playableFile(body.media_id);
  const caps = body.supported_codecs ?? BASELINE_CAPABILITIES;
  const subtitles = await subtitleTracks(file.path, file.info.subtitles);
  let burnSubtitleIndex: number | undefined;
  if (body.burn_subtitle !== undefined) {
    const track = subtitles.find((t) => t.id === body.burn_subtitle);
    if (!track || track.text || track.streamIndex === undefined) throw new ApiError('validation_failed', 'burn_subtitle must be the id of an image subtitle track of this file.');
    burnSubtitleIndex = track.streamIndex;
  }
  if (body.audio_index !== undefined && !file.info.audio.some((a) => a.index === body.audio_index)) {
    throw new ApiError('validation_failed', 'audio_index is not an audio track of this file.');
  }
  const decision = decideStream(file.info, caps, { quality: body.quality, audioIndex: body.audio_index, burnSubtitleIndex });
  if (decision.mode !== 'direct' && !caps.hls) {
    throw new ApiError('not_playable', `This client cannot play the file as it is (${decision.reasons.join('; ')}) and cannot play HLS.`);
  }
  const s = config().stream;
  if (decision.mode === 'transcode') {
    const live = await liveTranscodes();
    if (live >= s.maxTranscodes) {
      throw new ApiError('transcode_capacity', `This server runs at most ${s.maxTranscodes} transcode${s.maxTranscodes === 1 ? '' : 's'} at once and ${live} ${live === 1 ? 'is' : 'are'} running. Try again when one ends, or choose a file the browser plays directly.`);
    }
  }
  if (decision.mode !== 'direct') await checkDisk();

  const duration = file.info.duration!;
  const plan: StreamPlan = { decision, duration, segmentSeconds: SEGMENT_SECONDS, container: file.info.container };
  const startSegment = decision.mode === 'transcode' ? Math.min(Math.floor(body.video_offset / SEGMENT_SECONDS), segmentCount(duration) - 1) : 0;
  const key = randomBytes(24).toString('base64url');
  const session = await db.streamSession.create({
    data: { key, userId, fileId: file.id, mode: decision.mode, plan: plan as never, requestedSegment: startSegment, status: decision.mode === 'direct' ? 'running' : 'starting' },
  });
  if (decision.mode !== 'direct') {
    const job = await jobQueue().enqueue(transcodeSessionJob, { sessionId: session.id });
    await db.streamSession.update({ where: { id: session.id }, data: { jobId: job.id } });
  }
  // Scrub previews are made once per file, in the background, the first time it is played — a
  // little later, so they never compete with the start of playback.
  if (file.info.video.length && !(await readTrickplay(file.id))) {
    await jobQueue().enqueue(trickplayJob, { fileId: file.id }, { runAt: new Date(Date.now() + TRICKPLAY_DELAY_MS) });
  }
  const url = `/api/v1/stream-session/${key}`;
  return {
    stream_key: key,
    mode: decision.mode,
    reasons: decision.reasons,
    url,
    duration,
    video: decision.video && {
      codec: decision.videoAction === 'transcode' ? 'h264' : decision.video.codec,
      width: decision.width ?? decision.video.width,
      height: decision.height ?? decision.video.height,
      source_codec: decision.video.codec,
      bitrate: decision.videoBitrate ?? decision.video.bitrate,
    },
    audio_tracks: file.info.audio.map((a) => ({
      index: a.index, codec: a.codec, language: a.language, title: a.title, channels: a.channels, default: a.default, selected: a.index === decision.audio?.index,
    })),
    subtitle_tracks: subtitles.map((t) => ({
      id: t.id, source: t.source, codec: t.codec, language: t.language, title: t.title, forced: t.forced, default: t.default,
      text: t.text, url: t.text ? `${url}/subtitles/${t.id}.vtt` : null,
    })),
    trickplay_url: file.info.video.length ? `${url}/${TRICKPLAY_MANIFEST}` : null,
    qualities: qualitiesFor(file.info),
    quality: body.quality,
    bitrate: file.info.bitrate,
  };
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;
export type Session = SessionRow & { planned: StreamPlan };

function findSession(key: string) {
  return db.streamSession.findUnique({ where: { key }, include: { file: { select: { path: true } } } });
}

/** The caller's live session for this key; anything else (unknown, ended, someone else's) is a 404. */
export async function sessionFor(userId: string, key: string): Promise<Session> {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(key)) throw new ApiError('not_found', 'No such stream session.');
  const s = await findSession(key);
  if (!s || s.userId !== userId || s.status === 'ended') throw new ApiError('not_found', 'No such stream session.');
  return { ...s, planned: s.plan as unknown as StreamPlan };
}

export function sessionDir(sessionId: string): string {
  return join(config().paths.transcode, sessionId);
}

export type DirectPlay = { path: string; status: 200 | 206 | 416; headers: Record<string, string>; start: number; end: number; empty: boolean };

/**
 * How to answer a direct-play request: status, headers and the byte range, or null for an HLS
 * session. Shared by the route handler and the web server's fast path (which streams the bytes
 * without going through web streams).
 */
export async function planDirectPlay(s: Session, h: { range: string | null; ifRange: string | null; method: string }): Promise<DirectPlay | null> {
  if (s.mode !== 'direct') return null;
  let st;
  try {
    st = await stat(s.file.path);
  } catch {
    throw new ApiError('not_found', 'The file is no longer on disk.');
  }
  const size = st.size;
  const etag = `"${size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"`;
  const base = { 'Accept-Ranges': 'bytes', ETag: etag, 'Content-Type': contentTypeFor(s.planned.container), 'Cache-Control': 'private, no-transform' };
  const range = h.ifRange && h.ifRange !== etag ? null : parseRange(h.range, size);
  if (range === 'unsatisfiable') return { path: s.file.path, status: 416, headers: { ...base, 'Content-Range': `bytes */${size}` }, start: 0, end: -1, empty: true };
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const headers: Record<string, string> = { ...base, 'Content-Length': String(end - start + 1) };
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  return { path: s.file.path, status: range ? 206 : 200, headers, start, end, empty: h.method === 'HEAD' || size === 0 };
}

/** Direct play: the file with Range; HLS: the master playlist. */
export async function streamRoot(userId: string, key: string, req: Request): Promise<Response> {
  const s = await sessionFor(userId, key);
  const direct = await planDirectPlay(s, { range: req.headers.get('range'), ifRange: req.headers.get('if-range'), method: req.method });
  if (direct?.status === 416) {
    return errorResponse('range_not_satisfiable', `The range starts past the end of the file (${direct.headers['Content-Range'].slice(8)} bytes).`, 416, {}, direct.headers);
  }
  if (direct) {
    const body = direct.empty ? null : (Readable.toWeb(createReadStream(direct.path, { start: direct.start, end: direct.end, highWaterMark: 256 * 1024 })) as ReadableStream);
    return new Response(body, { status: direct.status, headers: direct.headers });
  }
  await touch(s.id);
  if (s.status === 'failed') throw new ApiError('stream_failed', s.error ?? 'The stream failed.');
  return new Response(masterPlaylist(s.planned.decision, `${key}/${MEDIA_PLAYLIST}`), { headers: { 'Content-Type': HLS, 'Cache-Control': 'no-store' } });
}

async function touch(id: string, requestedSegment?: number) {
  await db.streamSession.update({ where: { id }, data: { lastRequestAt: new Date(), ...(requestedSegment === undefined ? {} : { requestedSegment }) } });
}

async function waitForFile(path: string, s: { id: string }, what: string): Promise<void> {
  const deadline = Date.now() + SEGMENT_WAIT_MS;
  for (let i = 0; ; i++) {
    if (await access(path).then(() => true, () => false)) return;
    if (i % 5 === 4) {
      const row = await db.streamSession.findUnique({ where: { id: s.id }, select: { status: true, error: true } });
      if (!row || row.status === 'ended') throw new ApiError('not_found', 'The stream session ended.');
      if (row.status === 'failed') throw new ApiError('stream_failed', row.error ?? 'The stream failed.');
    }
    if (Date.now() > deadline) throw new ApiError('segment_timeout', `${what} was not ready within ${SEGMENT_WAIT_MS / 1000} s; retry.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** HLS: the media playlist or one segment. Names outside the pattern never reach the filesystem. */
export async function streamPart(userId: string, key: string, name: string): Promise<Response> {
  const seg = SEGMENT_PATTERN.exec(name);
  if (name !== MEDIA_PLAYLIST && name !== TRICKPLAY_MANIFEST && !seg) throw new ApiError('invalid_stream_path', `"${name.slice(0, 60)}" is not a playlist or segment name of this stream.`);
  const s = await sessionFor(userId, key);
  if (name === TRICKPLAY_MANIFEST) {
    const manifest = await readTrickplay(s.fileId);
    if (!manifest) throw new ApiError('not_found', 'Scrub previews for this file are not made yet; try again in a while.');
    return Response.json({ ...manifest, sheets: manifest.sheets.map((n) => `${key}/trickplay/${n}`) }, { headers: { 'Cache-Control': 'private, max-age=3600' } });
  }
  if (s.mode === 'direct') throw new ApiError('not_found', 'A direct-play session has no playlists or segments.');
  const dir = sessionDir(s.id);
  if (name === MEDIA_PLAYLIST) {
    await touch(s.id);
    if (s.mode === 'transcode') {
      return new Response(vodPlaylist(s.planned.duration, s.planned.segmentSeconds), { headers: { 'Content-Type': HLS, 'Cache-Control': 'no-store' } });
    }
    // Remux: ffmpeg's own playlist, growing as it goes (segments follow the source's keyframes).
    const path = join(dir, MEDIA_PLAYLIST);
    await waitForFile(path, s, 'The playlist');
    return new Response(await readFile(path, 'utf8'), { headers: { 'Content-Type': HLS, 'Cache-Control': 'no-store' } });
  }
  const n = Number(seg![1]);
  if (s.mode === 'transcode' && n >= segmentCount(s.planned.duration, s.planned.segmentSeconds)) throw new ApiError('not_found', `Segment ${n} is past the end of the stream.`);
  await touch(s.id, n);
  const path = join(dir, name);
  await waitForFile(path, s, `Segment ${n}`);
  const st = await stat(path);
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream;
  return new Response(body, { headers: { 'Content-Type': 'video/mp2t', 'Content-Length': String(st.size), 'Cache-Control': 'private, max-age=3600' } });
}

/** Ends a session; the worker stops its ffmpeg and deletes its folder. */
export async function endStreamSession(userId: string, key: string): Promise<void> {
  const s = await sessionFor(userId, key);
  await db.streamSession.update({ where: { id: s.id }, data: { status: 'ended', endedAt: new Date() } });
}

/** A text subtitle track as WebVTT, converted once by the worker and cached. */
export async function streamSubtitle(userId: string, key: string, name: string): Promise<Response> {
  const m = SUBTITLE_NAME_PATTERN.exec(name);
  if (!m) throw new ApiError('invalid_stream_path', `"${name.slice(0, 60)}" is not a subtitle name of this stream.`);
  const s = await sessionFor(userId, key);
  const info = mediaInfoSchema.parse((await db.mediaFile.findUniqueOrThrow({ where: { id: s.fileId }, select: { mediaInfo: true } })).mediaInfo);
  const track = (await subtitleTracks(s.file.path, info.subtitles)).find((t) => t.id === m[1]);
  if (!track) throw new ApiError('not_found', 'This stream has no such subtitle track.');
  if (!track.text) throw new ApiError('not_found', 'Image subtitles cannot be sent as text; start the stream with burn_subtitle instead.');
  const source = track.path ?? s.file.path;
  const output = await subtitleCachePath(s.fileId, track.id, source);
  if (!(await access(output).then(() => true, () => false))) {
    await rm(`${output}.failed`, { force: true });
    await jobQueue().enqueue(subtitleExtractJob, { input: source, streamIndex: track.streamIndex, output });
    const deadline = Date.now() + SEGMENT_WAIT_MS;
    for (;;) {
      if (await access(output).then(() => true, () => false)) break;
      const failed = await readFile(`${output}.failed`, 'utf8').catch(() => null);
      if (failed !== null) throw new ApiError('stream_failed', `The subtitle track could not be converted: ${failed.slice(0, 200)}`);
      if (Date.now() > deadline) throw new ApiError('segment_timeout', 'The subtitle track was not ready in time; retry.');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return new Response(await readFile(output), { headers: { 'Content-Type': 'text/vtt; charset=utf-8', 'Cache-Control': 'private, max-age=3600' } });
}

/** One trickplay sheet (JPEG) of the session's file. */
export async function streamTrickplaySheet(userId: string, key: string, name: string): Promise<Response> {
  if (!SHEET_PATTERN.test(name)) throw new ApiError('invalid_stream_path', `"${name.slice(0, 60)}" is not a preview sheet name.`);
  const s = await sessionFor(userId, key);
  const manifest = await readTrickplay(s.fileId);
  if (!manifest?.sheets.includes(name)) throw new ApiError('not_found', 'No such preview sheet.');
  return new Response(await readFile(join(trickplayDir(s.fileId), name)), { headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=31536000, immutable' } });
}
