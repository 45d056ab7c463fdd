// Commands to devices. Stored first (the outcome is readable from any web instance), then announced
// through the events seam; the instance holding the device's stream writes it down and marks it
// delivered, the device answers done or failed. A command whose device goes away first expires:
// at once when the stream closes, otherwise when its status is read after the device fell silent.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { notify } from '@/lib/events/events';
import { capabilitiesSchema } from '@/lib/stream/capabilities';
import { createStreamSession } from '@/lib/stream/create-session';
import { type CommandBody, type CommandStatus, type CommandView, commandAckSchema } from './command-schema';
import { deviceFor, GONE_AFTER_MS, isConnected } from './devices';
import { deviceCommandSent, deviceCommandUpdated } from './remote-events';

/** A command the device has not answered in this long expires (it may have hung). */
export const COMMAND_TTL_MS = 30_000;
const OPEN: CommandStatus[] = ['pending', 'delivered'];

type Row = { id: string; deviceId: string; command: string; status: string; reason: string | null; createdAt: Date; updatedAt: Date };

function view(row: Row): CommandView {
  return {
    id: row.id, device_id: row.deviceId, command: row.command, status: row.status as CommandStatus, reason: row.reason,
    created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString(),
  };
}

/** Stores the command and tells the device's stream; play_item first starts the stream session for the device's profile. */
export async function sendCommand(userId: string, deviceId: string, body: CommandBody): Promise<CommandView> {
  const device = await deviceFor(userId, deviceId);
  const { command, ...rest } = body;
  if (!isConnected(device)) {
    const row = await db.deviceCommand.create({ data: { deviceId, command, args: rest, status: 'expired', reason: `The device is not connected (last seen ${device.lastSeenAt.toISOString()}).` } });
    return view(row);
  }
  let args: Record<string, unknown> = rest;
  if (body.command === 'play_item') {
    const caps = capabilitiesSchema.safeParse(device.capabilities);
    const session = await createStreamSession(userId, {
      media_id: body.media_id, video_offset: body.position_secs ?? 0, quality: 'original', device_id: deviceId,
      supported_codecs: caps.success && device.capabilities ? caps.data : undefined,
    });
    args = { ...rest, session };
  }
  const row = await db.deviceCommand.create({ data: { deviceId, command, args: args as object } });
  notify(deviceCommandSent, { deviceId, commandId: row.id });
  return view(row);
}

async function expire(ids: string[], reason: string): Promise<void> {
  if (ids.length === 0) return;
  await db.deviceCommand.updateMany({ where: { id: { in: ids }, status: { in: OPEN } }, data: { status: 'expired', reason } });
}

/** A command's outcome; one still open whose device fell silent (or that timed out) expires now. */
export async function commandStatus(userId: string, deviceId: string, commandId: string): Promise<CommandView> {
  const device = await deviceFor(userId, deviceId);
  let row = await db.deviceCommand.findUnique({ where: { id: commandId } });
  if (!row || row.deviceId !== device.id) throw new ApiError('not_found', 'No such command.');
  if (OPEN.includes(row.status as CommandStatus)) {
    const now = Date.now();
    const reason = !isConnected(device, now)
      ? `The device went away (no report for ${Math.round((now - device.lastSeenAt.getTime()) / 1000)} s; it drops out after ${GONE_AFTER_MS / 1000} s).`
      : now - row.createdAt.getTime() > COMMAND_TTL_MS
        ? `The device did not answer within ${COMMAND_TTL_MS / 1000} s.`
        : null;
    if (reason) {
      await expire([row.id], reason);
      row = (await db.deviceCommand.findUnique({ where: { id: commandId } }))!;
      notify(deviceCommandUpdated, { deviceId, commandId });
    }
  }
  return view(row);
}

/** The device's answer: done, or failed with a reason. An answer after expiry changes nothing. */
export async function ackCommand(userId: string, deviceId: string, commandId: string, ack: z.infer<typeof commandAckSchema>): Promise<CommandView> {
  await deviceFor(userId, deviceId);
  const row = await db.deviceCommand.findUnique({ where: { id: commandId } });
  if (!row || row.deviceId !== deviceId) throw new ApiError('not_found', 'No such command.');
  await db.deviceCommand.updateMany({ where: { id: commandId, status: { in: OPEN } }, data: { status: ack.status, reason: ack.status === 'failed' ? (ack.reason ?? 'The device could not do it.') : null } });
  notify(deviceCommandUpdated, { deviceId, commandId });
  return commandStatus(userId, deviceId, commandId);
}

/** Marks the device's pending commands delivered, oldest first, and returns them to write down. */
export async function takePendingCommands(deviceId: string): Promise<{ id: string; command: string; args: unknown }[]> {
  const rows = await db.deviceCommand.findMany({
    where: { deviceId, status: 'pending', createdAt: { gte: new Date(Date.now() - COMMAND_TTL_MS) } },
    orderBy: { createdAt: 'asc' },
  });
  const taken = [];
  for (const row of rows) {
    // Only one stream may deliver a command (a reconnect may race the old stream).
    const { count } = await db.deviceCommand.updateMany({ where: { id: row.id, status: 'pending' }, data: { status: 'delivered' } });
    if (count === 1) {
      taken.push({ id: row.id, command: row.command, args: row.args });
      notify(deviceCommandUpdated, { deviceId, commandId: row.id });
    }
  }
  return taken;
}

/** The device's stream closed: what it had not finished expires with that reason. */
export async function expireOpenCommands(deviceId: string, reason: string): Promise<void> {
  const rows = await db.deviceCommand.findMany({ where: { deviceId, status: { in: OPEN } }, select: { id: true } });
  await expire(rows.map((r) => r.id), reason);
}
