// The commands a device takes (POST /api/v1/devices/:id/commands) and what its stream carries.
import { z } from 'zod';

const bare = <const C extends string>(command: C, description: string) => z.object({ command: z.literal(command) }).describe(description);

export const commandBodySchema = z.discriminatedUnion('command', [
  bare('play', 'Resume playback'),
  bare('pause', 'Pause'),
  bare('toggle', 'Play when paused, pause when playing'),
  z.object({ command: z.literal('stop'), reason: z.string().max(300).optional() }).describe('Stop playing (the player shows `reason`)'),
  bare('next', 'Play the next episode'),
  z.object({ command: z.literal('mute'), muted: z.boolean().optional().describe('Default: toggle') }),
  z.object({ command: z.literal('seek'), position_secs: z.number().min(0) }),
  z
    .object({ command: z.literal('volume'), level: z.number().int().min(0).max(100).optional(), delta: z.number().int().min(-100).max(100).optional() })
    .refine((v) => (v.level === undefined) !== (v.delta === undefined), { message: 'Give either level (0–100) or delta, not both.', path: ['level'] }),
  z.object({ command: z.literal('play_item'), media_id: z.string().min(1).max(100), position_secs: z.number().min(0).optional() }).describe('Start a new stream session on the device, chosen for its own profile'),
  z.object({ command: z.literal('set_subtitle'), track: z.string().min(1).max(40).nullable().describe('A subtitle track id, or null for off') }),
  z.object({ command: z.literal('set_audio'), index: z.number().int().min(0).describe('An audio track (ffmpeg stream index)') }),
]);
export type CommandBody = z.infer<typeof commandBodySchema>;

export const COMMAND_STATUSES = ['pending', 'delivered', 'done', 'failed', 'expired'] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

export const commandViewSchema = z.object({
  id: z.string(),
  device_id: z.string(),
  command: z.string(),
  status: z.enum(COMMAND_STATUSES).describe('pending (not yet on its stream) → delivered → done | failed; expired when the device went away first'),
  reason: z.string().nullable().describe('Why it failed or expired'),
  created_at: z.string(),
  updated_at: z.string(),
});
export type CommandView = z.infer<typeof commandViewSchema>;

export const commandAckSchema = z.object({
  status: z.enum(['done', 'failed']),
  reason: z.string().max(300).optional(),
});
