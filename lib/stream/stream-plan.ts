// What a stream session's row holds as its plan — the decision, duration, segment length and
// container — as a zod schema: the web writes it, the worker reads it, both parse it.
import { z } from 'zod';
import { audioStreamSchema, subtitleStreamSchema, videoStreamSchema } from '@/lib/media/media-info';

export const streamModeSchema = z.enum(['direct', 'remux', 'transcode']);
export type StreamMode = z.infer<typeof streamModeSchema>;

export const decisionSchema = z.object({
  mode: streamModeSchema,
  reasons: z.array(z.string()),
  video: videoStreamSchema.nullable(),
  audio: audioStreamSchema.nullable(),
  /** What happens to each stream in HLS modes. */
  videoAction: z.enum(['copy', 'transcode', 'none']),
  audioAction: z.enum(['copy', 'transcode', 'none']),
  /** Output size and bitrate when transcoding video (width is even and keeps the aspect ratio). */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  videoBitrate: z.number().nullable(),
  audioBitrate: z.number().nullable(),
  burnSubtitle: subtitleStreamSchema.nullable(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const streamPlanSchema = z.object({
  decision: decisionSchema,
  duration: z.number().positive(),
  segmentSeconds: z.number().positive(),
  container: z.string(),
});
export type StreamPlan = z.infer<typeof streamPlanSchema>;
