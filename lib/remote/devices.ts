// A user's devices: an open player registers (name from its User-Agent, editable), keeps a command
// stream open (command-stream.ts) and reports its state. A device counts as connected while its
// stream is open and it reported within GONE_AFTER_MS: a closed tab clears the stream at once, a
// cut network stops the reports — either way it drops out of the list within 15 s.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { notify } from '@/lib/events/events';
import type { LiveList } from '@/lib/http/live-list-stream';
import { capabilitiesSchema } from '@/lib/stream/capabilities';
import { deviceNameFromUserAgent } from './device-name';
import { type DeviceState, deviceStateSchema, type DeviceView } from './device-state';
import { deviceChanged } from './remote-events';

/** Devices report every 5 s (REPORT_EVERY_MS); two missed reports and a little slack mean gone. */
export const REPORT_EVERY_MS = 5_000;
export const GONE_AFTER_MS = 12_000;

const name = z.string().trim().min(1).max(80);

export const registerDeviceSchema = z.object({
  id: z.string().min(1).max(100).optional().describe('This device\'s id from an earlier registration (kept by the client), to come back as the same device'),
  name: name.optional().describe('Default: browser and system from the User-Agent ("Chrome on Linux")'),
  capabilities: capabilitiesSchema.optional().describe('What it plays, as `supported_codecs` of POST /api/v1/stream-session: play_item chooses for it'),
});
export const renameDeviceSchema = z.object({ name });

type Row = { id: string; name: string; connectionId: string | null; lastSeenAt: Date; state: unknown };

export function isConnected(row: Pick<Row, 'connectionId' | 'lastSeenAt'>, now = Date.now()): boolean {
  return row.connectionId !== null && row.lastSeenAt.getTime() >= now - GONE_AFTER_MS;
}

function view(row: Row): DeviceView {
  const state = deviceStateSchema.safeParse(row.state);
  return { id: row.id, name: row.name, connected: isConnected(row), last_seen_at: row.lastSeenAt.toISOString(), state: state.success ? state.data : null };
}

/** The caller's device, or a 404 — another user's device is indistinguishable from none. */
export async function deviceFor(userId: string, id: string) {
  const row = await db.device.findUnique({ where: { id } });
  if (!row || row.userId !== userId) throw new ApiError('not_found', 'No such device.');
  return row;
}

export async function registerDevice(userId: string, body: z.infer<typeof registerDeviceSchema>, userAgent: string | null): Promise<DeviceView> {
  const capabilities = body.capabilities ?? undefined;
  const known = body.id ? await db.device.findUnique({ where: { id: body.id } }) : null;
  const row =
    known && known.userId === userId
      ? await db.device.update({ where: { id: known.id }, data: { lastSeenAt: new Date(), ...(body.name ? { name: body.name } : {}), ...(capabilities ? { capabilities } : {}) } })
      : await db.device.create({ data: { userId, name: body.name ?? deviceNameFromUserAgent(userAgent), capabilities } });
  notify(deviceChanged, { userId, deviceId: row.id });
  return view(row);
}

export async function listDevices(userId: string): Promise<DeviceView[]> {
  return (await readDevices(userId)).items;
}

/** The connected devices, and when the first of them drops out if it stays silent (for the live stream). */
export async function readDevices(userId: string, now = Date.now()): Promise<LiveList<DeviceView>> {
  const rows = await db.device.findMany({
    where: { userId, connectionId: { not: null }, lastSeenAt: { gte: new Date(now - GONE_AFTER_MS) } },
    orderBy: { createdAt: 'asc' },
  });
  const silentAt = rows.map((r) => r.lastSeenAt.getTime() + GONE_AFTER_MS);
  return { items: rows.map(view), changesAt: silentAt.length ? Math.min(...silentAt) : null };
}

export async function getDevice(userId: string, id: string): Promise<DeviceView> {
  return view(await deviceFor(userId, id));
}

export async function renameDevice(userId: string, id: string, body: z.infer<typeof renameDeviceSchema>): Promise<DeviceView> {
  await deviceFor(userId, id);
  const row = await db.device.update({ where: { id }, data: { name: body.name } });
  notify(deviceChanged, { userId, deviceId: id });
  return view(row);
}

/** A state report: stored with the time it came, and announced to remote pages. */
export async function reportState(userId: string, id: string, state: DeviceState): Promise<void> {
  await deviceFor(userId, id);
  await db.device.update({ where: { id }, data: { state, lastSeenAt: new Date() } });
  notify(deviceChanged, { userId, deviceId: id });
}
