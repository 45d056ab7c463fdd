// Starting a stream session, the web side: find the playable file, decide (direct / remux /
// transcode), check capacity and disk, store the session and queue the worker's ffmpeg job; and ending one.
import { randomBytes } from 'node:crypto';
import { access, mkdir, statfs } from 'node:fs/promises';
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { jobQueue } from '@/lib/jobs/job-queue';
import { FFMPEG_FIX, hasFeature } from '@/lib/media/ffmpeg-capabilities';
import { type MediaInfo, mediaInfoSchema } from '@/lib/media/media-info';
import { BASELINE_CAPABILITIES, capabilitiesSchema } from './capabilities';
import { decideStream, qualitiesFor } from './decide';
import { SEGMENT_SECONDS, segmentCount } from './hls';
import { endDeviceSessions, transcodeHolders } from './device-sessions';
import { claimTranscodeSlot, discardSession, endSession, insertSession, linkSessionJob, sessionFor } from './session-store';
import type { StreamMode, StreamPlan } from './stream-plan';
import { subtitleTracks } from './subtitle-tracks';
import { outsideLibrary } from './respond-direct';
import { servedFile } from '@/lib/scan/served-path';
import { renditionsReady } from './renditions-job';
import { transcodeSessionJob } from './transcode-job';
import { readTrickplay, trickplayFailure, trickplayJob } from './trickplay';

export const createStreamBodySchema = z.object({
  media_id: z.string().min(1).max(100).describe('A movie, video or episode id, or a file id to play that version'),
  video_offset: z.number().min(0).default(0).describe('Seconds from the start where playback begins'),
  supported_codecs: capabilitiesSchema.optional(),
  quality: z.enum(['original', '1080p', '720p', '480p']).default('original'),
  audio_index: z.number().int().min(0).optional().describe('ffmpeg stream index of the audio track (from audio_tracks)'),
  burn_subtitle: z.string().max(20).optional().describe('id of an image subtitle track to burn into the video'),
  device_id: z.string().min(1).max(100).optional().describe("The player's device (POST /api/v1/devices): its earlier sessions end at once, and it can be remote-controlled"),
});
export type CreateStreamBody = z.infer<typeof createStreamBodySchema>;

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
  if (!(await servedFile(file.path))) throw outsideLibrary();
  return { id: file.id, path: file.path, info: info.data };
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

/** Claims a transcode slot for a just-inserted session, or drops the session and answers 503. */
async function admitTranscode(sessionId: string): Promise<void> {
  const { maxTranscodes: max, idleMs } = config().stream;
  const full = await claimTranscodeSlot(sessionId, { max, idleMs });
  if (!full) return;
  await discardSession(sessionId);
  throw new ApiError('transcode_capacity', `This server runs at most ${max} transcode${max === 1 ? '' : 's'} at once and ${full.held} ${full.held === 1 ? 'is' : 'are'} running (${(await transcodeHolders()).join('; ')}). Try again when one ends, or choose a file the browser plays directly.`);
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
  if (decision.mode !== 'direct') {
    // The capability probe turned this off for the ffmpeg in use: say so now, with the fix.
    const needs = decision.burnSubtitle ? [decision.mode, 'burn_subtitles' as const] : [decision.mode];
    const feature = (await Promise.all(needs.map(hasFeature))).find((f) => !f.ok);
    if (feature) throw new ApiError('not_playable', `This file needs ${decision.mode === 'remux' ? 'remuxing' : 'transcoding'} (${decision.reasons.join('; ')}), but ${feature.reason} ${FFMPEG_FIX}`);
  }
  // A player that starts something new is done with what it played before (a closed tab, the
  // next episode): its old sessions end now rather than holding a transcode slot until idle.
  if (body.device_id) await endDeviceSessions(userId, body.device_id);
  if (decision.mode !== 'direct' && !(await renditionsReady(file.id))) await checkDisk();

  const duration = file.info.duration!;
  const plan: StreamPlan = { decision, duration, segmentSeconds: SEGMENT_SECONDS, container: file.info.container };
  const startSegment = decision.mode === 'transcode' ? Math.min(Math.floor(body.video_offset / SEGMENT_SECONDS), segmentCount(duration) - 1) : 0;
  const key = randomBytes(24).toString('base64url');
  // A ready background ladder replaces ffmpeg: the same picture for everyone, adaptive, no CPU.
  const defaultAudio = body.audio_index === undefined || body.audio_index === file.info.audio[0]?.index;
  const mode: StreamMode = decision.mode !== 'direct' && !decision.burnSubtitle && defaultAudio && (await renditionsReady(file.id)) ? 'renditions' : decision.mode;
  const session = await insertSession({ key, userId, fileId: file.id, mode, plan, requestedSegment: startSegment, deviceId: body.device_id ?? null });
  if (mode === 'transcode') await admitTranscode(session.id);
  if (mode === 'remux' || mode === 'transcode') {
    const job = await jobQueue().enqueue(transcodeSessionJob, { sessionId: session.id });
    await linkSessionJob(session.id, job.id);
  }
  // Scrub previews are made once per file, in the background, the first time it is played — a
  // little later, so they never compete with the start of playback.
  const previews = file.info.video.length > 0 && (await hasFeature('trickplay')).ok;
  if (previews && !(await readTrickplay(file.id)) && (await trickplayFailure(file.id)) === null) {
    await jobQueue().enqueue(trickplayJob, { fileId: file.id }, { runAt: new Date(Date.now() + TRICKPLAY_DELAY_MS) });
  }
  const url = `/api/v1/stream-session/${key}`;
  return {
    stream_key: key,
    mode,
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
    trickplay_url: previews ? `${url}/trickplay.json` : null,
    qualities: qualitiesFor(file.info),
    quality: body.quality,
    bitrate: file.info.bitrate,
  };
}


/** Ends a session; the worker hears it at once, stops its ffmpeg and deletes its folder. */
export async function endStreamSession(userId: string, key: string): Promise<void> {
  const s = await sessionFor(userId, key);
  await endSession(s.id);
}
