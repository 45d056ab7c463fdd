// The admin sessions dashboard: every live stream session with its user, device, item, mode and
// why, position (from the device's reports), bitrate, and the worker's live ffmpeg figures; and
// Stop, which ends a session and tells its player why (a `stop` command on its device's stream).
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import type { LiveList } from '@/lib/http/live-list-stream';
import { sessionDescriptionSelect, sessionItem } from '@/lib/stream/device-sessions';
import { endSession, LIVE_STATUSES } from '@/lib/stream/session-store';
import { streamPlanSchema } from '@/lib/stream/stream-plan';
import { sendCommand } from './commands';
import { deviceStateSchema } from './device-state';
import { GONE_AFTER_MS, isConnected } from './devices';

export const adminSessionSchema = z.object({
  key: z.string(),
  status: z.string(),
  user: z.object({ id: z.string(), username: z.string() }),
  device: z.object({ id: z.string(), name: z.string(), connected: z.boolean() }).nullable(),
  item: z.object({ id: z.string().nullable(), title: z.string() }),
  mode: z.enum(['direct', 'remux', 'transcode']),
  reasons: z.array(z.string()).describe('Why this mode'),
  position_secs: z.number().nullable().describe("From the device's last report; null without a device"),
  paused: z.boolean().nullable(),
  duration_secs: z.number(),
  bitrate: z.number().nullable().describe('Bits per second sent: the target of a transcode, the source otherwise'),
  speed: z.number().nullable().describe('ffmpeg speed, × real time (remux and transcode)'),
  cpu_percent: z.number().nullable().describe("ffmpeg's CPU use, % of one core (from /proc/<pid>/stat)"),
  started_at: z.string(),
  last_request_at: z.string(),
});
export type AdminSession = z.infer<typeof adminSessionSchema>;

export const stopSessionQuerySchema = z.object({ reason: z.string().trim().min(1).max(300).optional().describe('Shown by the player; default "An admin stopped this stream."') });

/** Live sessions: a player asked for it within the idle period, or its device still plays it (paused direct play asks for nothing). */
export async function listStreamSessions(): Promise<AdminSession[]> {
  return (await readStreamSessions()).items;
}

/** The live sessions, and when the list next changes by itself: a session going idle, a device falling silent (for the live stream). */
export async function readStreamSessions(): Promise<LiveList<AdminSession>> {
  const rows = await db.streamSession.findMany({
    where: { status: { in: LIVE_STATUSES } },
    select: { ...sessionDescriptionSelect, key: true, status: true, mode: true, plan: true, speed: true, cpuPercent: true, createdAt: true, lastRequestAt: true, userId: true, device: { select: { id: true, name: true, state: true, connectionId: true, lastSeenAt: true } } },
    orderBy: { createdAt: 'desc' },
  });
  const now = Date.now();
  const { idleMs } = config().stream;
  const out: AdminSession[] = [];
  const expiries: number[] = [];
  for (const r of rows) {
    const state = r.device ? deviceStateSchema.safeParse(r.device.state) : null;
    const playsIt = !!(r.device && isConnected(r.device, now) && state?.success && state.data.stream_key === r.key);
    const idleAt = r.lastRequestAt.getTime() + idleMs;
    if (idleAt < now && !playsIt) continue;
    if (idleAt >= now) expiries.push(idleAt);
    if (r.device && isConnected(r.device, now)) expiries.push(r.device.lastSeenAt.getTime() + GONE_AFTER_MS);
    const plan = streamPlanSchema.safeParse(r.plan);
    const decision = plan.success ? plan.data.decision : null;
    out.push({
      key: r.key,
      status: r.status,
      user: { id: r.userId, username: r.user.username },
      device: r.device && { id: r.device.id, name: r.device.name, connected: isConnected(r.device, now) },
      item: sessionItem(r),
      mode: r.mode as AdminSession['mode'],
      reasons: decision?.reasons ?? [],
      position_secs: playsIt && state?.success ? state.data.position_secs : null,
      paused: playsIt && state?.success ? state.data.paused : null,
      duration_secs: plan.success ? plan.data.duration : 0,
      bitrate: decision?.videoBitrate ?? decision?.video?.bitrate ?? null,
      speed: r.mode === 'direct' ? null : r.speed,
      cpu_percent: r.mode === 'direct' ? null : r.cpuPercent,
      started_at: r.createdAt.toISOString(),
      last_request_at: r.lastRequestAt.toISOString(),
    });
  }
  return { items: out, changesAt: expiries.length ? Math.min(...expiries) : null };
}

/** Ends the session now (ffmpeg stops) and tells its player why through its device. */
export async function stopStreamSession(key: string, reason = 'An admin stopped this stream.'): Promise<void> {
  const row = await db.streamSession.findUnique({ where: { key }, select: { id: true, userId: true, deviceId: true, status: true } });
  if (!row || !LIVE_STATUSES.includes(row.status)) throw new ApiError('not_found', 'No live stream session with this key.');
  await db.streamSession.update({ where: { id: row.id }, data: { endReason: reason } });
  await endSession(row.id);
  if (row.deviceId) await sendCommand(row.userId, row.deviceId, { command: 'stop', reason });
}
