import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { createStreamBodySchema } from '@/lib/stream/create-session';

const tags = ['playback'];
const keyParams = z.object({ key: z.string().min(1).max(100) });
const binary = z.string().meta({ format: 'binary' });

const streamSessionSchema = z.object({
  stream_key: z.string(),
  mode: z.enum(['direct', 'remux', 'transcode', 'renditions']).describe('renditions: the file’s ready background ladder (adaptive HLS), no live transcode'),
  reasons: z.array(z.string()).describe('Why this mode, in words the player shows'),
  url: z.string().describe('Direct: the file (HTTP Range). HLS: the master playlist.'),
  duration: z.number().describe('Seconds'),
  video: z.object({ codec: z.string(), source_codec: z.string(), width: z.number(), height: z.number(), bitrate: z.number().nullable() }).nullable(),
  audio_tracks: z.array(z.object({ index: z.number(), codec: z.string(), language: z.string().nullable(), title: z.string().nullable(), channels: z.number().nullable(), default: z.boolean(), selected: z.boolean() })),
  subtitle_tracks: z.array(
    z.object({
      id: z.string(), source: z.enum(['external', 'embedded']), codec: z.string(), language: z.string().nullable(), title: z.string().nullable(),
      forced: z.boolean(), default: z.boolean(), text: z.boolean(), url: z.string().nullable().describe('WebVTT for text tracks; null for image tracks (burn_subtitle)'),
    }),
  ),
  trickplay_url: z.string().nullable().describe('Scrub previews: a manifest (interval, tile size, sheets). While the background job makes them it answers 202 `{"status":"pending"}` with `Retry-After` (after waiting up to 20 s for them); 404 only when they could not be made. Null when this ffmpeg cannot make previews.'),
  qualities: z.array(z.enum(['original', '1080p', '720p', '480p'])),
  quality: z.enum(['original', '1080p', '720p', '480p']),
  bitrate: z.number().nullable().describe("The file's overall bitrate"),
});

export const createStreamSessionContract = defineContract({
  demo: 'allow',
  method: 'POST', path: '/api/v1/stream-session', access: 'user', tags, summary: 'Start playing a movie, episode or file',
  description: 'Decides direct play, remux or transcode from `supported_codecs` (the client profile) and the file, and returns the URL to play. HLS sessions are made by the worker; a session with no request for STREAM_IDLE_SECONDS ends.',
  body: createStreamBodySchema,
  response: { status: 200, description: 'The session', schema: streamSessionSchema },
  errors: ['not_found', 'file_outside_library', 'not_playable', 'transcode_capacity', 'insufficient_storage'],
});

export const getStreamContract = defineContract({
  method: 'GET', path: '/api/v1/stream-session/{key}', access: 'user', tags, summary: 'The stream: the file with Range (direct), or the HLS master playlist',
  description: 'Direct play answers 206 with `Content-Range` for a Range request, `Accept-Ranges: bytes` and an `ETag`; 416 for a range past the end.',
  params: keyParams,
  response: { status: 200, description: 'The file (or 206 part), or the master playlist', contentType: 'video/*', schema: binary },
  errors: ['not_found', 'file_outside_library', 'range_not_satisfiable', 'stream_failed'],
});

export const deleteStreamContract = defineContract({
  demo: 'allow',
  method: 'DELETE', path: '/api/v1/stream-session/{key}', access: 'user', tags, summary: 'End a stream: its ffmpeg stops and its segments are deleted',
  params: keyParams,
  response: { status: 204, description: 'Ended' },
  errors: ['not_found'],
});

export const getStreamPartContract = defineContract({
  method: 'GET', path: '/api/v1/stream-session/{key}/{name}', access: 'user', tags, summary: 'HLS media playlist (`media.m3u8`), segment (`seg-00042.ts`) or scrub-preview manifest (`trickplay.json`)',
  description: 'A segment is sent only once ffmpeg has finished it; one not made yet is waited for (ffmpeg restarts there when it is outside the range being made). `trickplay.json` answers 202 `{"status":"pending"}` with `Retry-After` while the previews are being made. Other names → 400.',
  params: keyParams.extend({ name: z.string().min(1).max(200) }),
  response: { status: 200, description: 'Playlist or MPEG-TS segment', contentType: 'application/vnd.apple.mpegurl', schema: binary },
  errors: ['invalid_stream_path', 'not_found', 'stream_failed', 'segment_timeout'],
});

export const getStreamSubtitleContract = defineContract({
  method: 'GET', path: '/api/v1/stream-session/{key}/subtitles/{name}', access: 'user', tags, summary: 'A text subtitle track as WebVTT (`ext-0.vtt`, `emb-2.vtt`)',
  params: keyParams.extend({ name: z.string().min(1).max(200) }),
  response: { status: 200, description: 'WebVTT', contentType: 'text/vtt', schema: z.string() },
  errors: ['invalid_stream_path', 'not_found', 'stream_failed', 'segment_timeout'],
});

const stoppedAtSchema = z.object({
  secs_offset: z.number().min(0),
  state: z.enum(['playing', 'paused', 'stopped']).default('playing').describe('What the player is doing: Trakt scrobble start (playing) or pause (paused, stopped)'),
});
const stoppedAtResult = z.object({ secs_offset: z.number(), watched: z.boolean(), play_count: z.number().int() });

export const getStoppedAtContract = defineContract({
  method: 'GET', path: '/api/v1/user/stopped-at/{id}', access: 'user', tags, summary: 'Where you stopped in a movie, video or episode',
  params: z.object({ id: z.string().min(1).max(100) }),
  response: { status: 200, description: 'Resume point (0 when none)', schema: stoppedAtResult },
  errors: ['not_found'],
});

export const postStoppedAtContract = defineContract({
  demo: 'allow',
  method: 'POST', path: '/api/v1/user/stopped-at/{id}', access: 'user', tags, summary: 'Save where you stopped',
  description: 'A point between 5 % and 90 % is kept for resuming; at 90 % or more the item counts as watched (play count + 1) and the point is cleared.',
  params: z.object({ id: z.string().min(1).max(100) }),
  body: stoppedAtSchema,
  response: { status: 201, description: 'Saved', schema: stoppedAtResult },
  errors: ['not_found'],
});

export const getTrickplaySheetContract = defineContract({
  method: 'GET', path: '/api/v1/stream-session/{key}/trickplay/{name}', access: 'user', tags, summary: 'A scrub-preview sheet (`sheet-001.jpg`): 10×10 frames, one every 10 s',
  params: keyParams.extend({ name: z.string().min(1).max(200) }),
  response: { status: 200, description: 'JPEG', contentType: 'image/jpeg', schema: binary },
  errors: ['invalid_stream_path', 'not_found'],
});
