// What a client says it can play (`supported_codecs` in POST /api/v1/stream-session). The player
// fills it from `canPlayType` / `MediaSource.isTypeSupported`; other clients send what they know.
import { z } from 'zod';

const codecName = z.string().min(1).max(32).toLowerCase();

export const videoCapabilitySchema = z.object({
  codec: codecName.describe('h264, hevc, vp9, av1, …'),
  /** Profiles the client decodes, as ffprobe names them ("High", "Main 10"); absent = any. */
  profiles: z.array(z.string().min(1).max(40)).max(20).optional(),
  /** Highest level (H.264 4.1 = 4.1, HEVC 5.1 = 5.1); absent = any. */
  max_level: z.number().positive().max(100).optional(),
  /** Highest bit depth; default 8. */
  max_bit_depth: z.number().int().min(8).max(16).default(8),
  /** Whether HDR (PQ, HLG, Dolby Vision) is shown as HDR; default false (it needs tone mapping). */
  hdr: z.boolean().default(false),
});
export type VideoCapability = z.infer<typeof videoCapabilitySchema>;

export const capabilitiesSchema = z
  .object({
    /** Containers the client plays as a plain file: mp4, webm, mkv, mov, … */
    containers: z.array(codecName).max(20).default([]),
    video: z.array(videoCapabilitySchema).max(20).default([]),
    /** Audio codecs: aac, mp3, opus, flac, ac3, … */
    audio: z.array(codecName).max(30).default([]),
    max_width: z.number().int().positive().max(16384).optional(),
    max_height: z.number().int().positive().max(16384).optional(),
    /** Bits per second the client's connection takes. */
    max_bitrate: z.number().int().positive().optional(),
    /** Whether the client plays HLS (natively or through MSE, e.g. hls.js); default true. */
    hls: z.boolean().default(true),
  })
  .describe("The client's playback profile");
export type Capabilities = z.infer<typeof capabilitiesSchema>;

/** What a browser that says nothing is assumed to play: H.264 High ≤ 5.1 8-bit + AAC/MP3 in MP4, HLS. */
export const BASELINE_CAPABILITIES: Capabilities = capabilitiesSchema.parse({
  containers: ['mp4'],
  video: [{ codec: 'h264', profiles: ['Constrained Baseline', 'Baseline', 'Main', 'High'], max_level: 5.1 }],
  audio: ['aac', 'mp3'],
});
