// Stream sessions seen by the device that plays them: a device's new session ends its old ones
// (so a closed tab or the next episode never waits for an idle timeout to free a transcode slot),
// and a full server names who holds its slots. Devices are plain rows here (lib/remote sits above).
import { basename } from 'node:path';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { endSession, LIVE_STATUSES } from './session-store';

/** What a stream session plays, with its user and device, for the capacity error and the admin list. */
export const sessionDescriptionSelect = {
  user: { select: { username: true } },
  device: { select: { id: true, name: true } },
  file: {
    select: {
      path: true,
      item: { select: { id: true, title: true } },
      episodes: { take: 1, select: { episode: { select: { id: true, title: true, seasonNumber: true, number: true, show: { select: { title: true } } } } } },
    },
  },
} as const;

type Described = {
  file: { path: string; item: { id: string; title: string } | null; episodes: { episode: { id: string; title: string | null; seasonNumber: number; number: number; show: { title: string } } }[] };
};

export function sessionItem(s: Described): { id: string | null; title: string } {
  const ep = s.file.episodes[0]?.episode;
  if (ep) {
    const code = `S${String(ep.seasonNumber).padStart(2, '0')}E${String(ep.number).padStart(2, '0')}`;
    return { id: ep.id, title: `${ep.show.title} ${code}${ep.title ? ` · ${ep.title}` : ''}` };
  }
  if (s.file.item) return { id: s.file.item.id, title: s.file.item.title };
  return { id: null, title: basename(s.file.path) };
}

/** Ends the live sessions this user's device holds; a device id that is not the caller's is a 404. */
export async function endDeviceSessions(userId: string, deviceId: string): Promise<number> {
  const device = await db.device.findUnique({ where: { id: deviceId }, select: { userId: true } });
  if (!device || device.userId !== userId) throw new ApiError('not_found', 'No such device: register it with POST /api/v1/devices.');
  const live = await db.streamSession.findMany({ where: { userId, deviceId, status: { in: LIVE_STATUSES } }, select: { id: true } });
  for (const s of live) await endSession(s.id);
  return live.length;
}

/** "alice: The Matrix on Chrome on Linux" for each session holding a transcode slot. */
export async function transcodeHolders(): Promise<string[]> {
  const rows = await db.streamSession.findMany({
    where: { slot: { isNot: null } },
    select: sessionDescriptionSelect,
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => `${r.user.username}: ${sessionItem(r).title} on ${r.device?.name ?? 'a player without a device id'}`);
}
