// What a stream session's row holds as its plan — the decision, duration, segment length and
// container — as a zod schema: the web writes it, the worker reads it, both parse it.
import { z } from 'zod';
import { audioStreamSchema, subtitleStreamSchema, videoStreamSchema } from '@/lib/media/media-info';

/** What the decision picks from the file and the client. */
export const decidedModeSchema = z.enum(['direct', 'remux', 'transcode']);
// A session's mode: the decision's, or renditions — the file's ready background ladder (lib/stream/renditions-job.ts).
export const streamModeSchema = z.enum([...decidedModeSchema.options, 'renditions']);
export type StreamMode = z.infer<typeof streamModeSchema>;

export const decisionSchema = z.object({
  mode: decidedModeSchema,
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
