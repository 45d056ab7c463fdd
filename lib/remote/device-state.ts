// What a device reports about itself (PUT /api/v1/devices/:id/state), at least every 5 s and on
// every change, and what GET /api/v1/devices shows of it.
import { z } from 'zod';

const trackLabel = z.string().max(200);

export const deviceStateSchema = z.object({
  item_id: z.string().min(1).max(100).nullable().describe('The movie, video or episode playing; null when idle'),
  item_title: z.string().max(300).nullable().default(null),
  stream_key: z.string().max(100).nullable().default(null).describe('The stream session this device plays'),
  position_secs: z.number().min(0).default(0),
  duration_secs: z.number().min(0).nullable().default(null),
  paused: z.boolean().default(true),
  volume: z.number().int().min(0).max(100).default(100).describe('0–100'),
  muted: z.boolean().default(false),
  subtitle: z.string().max(40).nullable().default(null).describe('The subtitle track id showing; null when off'),
  audio_index: z.number().int().min(0).nullable().default(null).describe('The audio track (ffmpeg stream index) playing'),
  subtitle_tracks: z.array(z.object({ id: z.string().max(40), label: trackLabel })).max(100).default([]),
  audio_tracks: z.array(z.object({ index: z.number().int().min(0), label: trackLabel })).max(100).default([]),
});
export type DeviceState = z.infer<typeof deviceStateSchema>;

export const deviceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  connected: z.boolean().describe('Its command stream is open and it reported within the last 12 s'),
  last_seen_at: z.string(),
  state: deviceStateSchema.nullable(),
});
export type DeviceView = z.infer<typeof deviceViewSchema>;
