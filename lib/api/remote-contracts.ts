import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { adminSessionSchema, stopSessionQuerySchema } from '@/lib/remote/admin-sessions';
import { commandAckSchema, commandBodySchema, commandViewSchema } from '@/lib/remote/command-schema';
import { deviceStateSchema, deviceViewSchema } from '@/lib/remote/device-state';
import { registerDeviceSchema, renameDeviceSchema } from '@/lib/remote/devices';

const tags = ['remote control'];
const idParams = z.object({ id: z.string().min(1).max(100) });
const commandParams = idParams.extend({ cid: z.string().min(1).max(100) });

export const listDevicesContract = defineContract({
  method: 'GET', path: '/api/v1/devices', access: 'user', tags, summary: 'Your connected devices (open players) and what each plays',
  description: 'A device is listed while its command stream is open and it reported its state within the last 12 s: a closed tab or a cut network drops out within 15 s.',
  response: { status: 200, description: 'Devices', schema: z.array(deviceViewSchema) },
});

export const registerDeviceContract = defineContract({
  method: 'POST', path: '/api/v1/devices', access: 'user', tags, summary: 'Register this player as a device',
  description: 'Then open `GET /api/v1/devices/{id}/events` (Server-Sent Events) to receive commands, report state with `PUT /api/v1/devices/{id}/state` at least every 5 s and on every change, and pass `device_id` when starting stream sessions. Sending an `id` from an earlier registration comes back as the same device.',
  body: registerDeviceSchema,
  response: { status: 201, description: 'The device', schema: deviceViewSchema },
});

export const devicesEventsContract = defineContract({
  method: 'GET', path: '/api/v1/devices/events', access: 'user', tags, summary: 'Your devices, live (Server-Sent Events)',
  description:
    'Events: `devices` — the whole list, as `GET /api/v1/devices` answers it, when the stream opens (a client that reconnects starts over from it) and whenever a device joins; ' +
    '`device` — one device whose state, name or connection changed (a pause or seek on the device itself, a state report, a rename); ' +
    '`device-gone` `{id}` — a device dropped out (its tab closed, or it fell silent for 12 s). ' +
    'Only your own devices, never another user\'s. A comment line every 15 s keeps proxies from closing it; the stream ends when your session is signed out.',
  response: { status: 200, description: 'text/event-stream', contentType: 'text/event-stream', schema: z.string() },
});

export const getDeviceContract = defineContract({
  method: 'GET', path: '/api/v1/devices/{id}', access: 'user', tags, summary: 'One of your devices',
  params: idParams,
  response: { status: 200, description: 'The device', schema: deviceViewSchema },
  errors: ['not_found'],
});

export const renameDeviceContract = defineContract({
  method: 'PATCH', path: '/api/v1/devices/{id}', access: 'user', tags, summary: 'Rename a device',
  params: idParams, body: renameDeviceSchema,
  response: { status: 200, description: 'The device', schema: deviceViewSchema },
  errors: ['not_found'],
});

export const deviceEventsContract = defineContract({
  method: 'GET', path: '/api/v1/devices/{id}/events', access: 'user', tags, summary: "The device's command stream (Server-Sent Events)",
  description: 'Events: `hello` `{device_id, report_every_ms}`, then `command` `{id, command, …arguments}` for each command (play_item carries `session`, the stream session started for this device). Answer each with `POST …/commands/{cid}/ack`. Closing the stream expires the commands not answered.',
  params: idParams,
  response: { status: 200, description: 'text/event-stream', contentType: 'text/event-stream', schema: z.string() },
  errors: ['not_found'],
});

export const reportDeviceStateContract = defineContract({
  method: 'PUT', path: '/api/v1/devices/{id}/state', access: 'user', tags, summary: 'Report what the device plays',
  params: idParams, body: deviceStateSchema,
  response: { status: 204, description: 'Stored' },
  errors: ['not_found'],
});

export const sendCommandContract = defineContract({
  method: 'POST', path: '/api/v1/devices/{id}/commands', access: 'user', tags, summary: 'Send a command to one of your devices',
  description: '`play`, `pause`, `toggle`, `stop`, `next`, `mute {muted?}`, `seek {position_secs}`, `volume {level: 0–100}` or `volume {delta}`, `play_item {media_id, position_secs?}` (starts a stream session for the device\'s own profile), `set_subtitle {track}` (null = off), `set_audio {index}`. Answers 202 at once; read the outcome with `GET …/commands/{cid}`. A device that is not connected gets the command already `expired`. Another user\'s device is a 404.',
  params: idParams, body: commandBodySchema,
  response: { status: 202, description: 'Accepted', schema: commandViewSchema },
  errors: ['not_found', 'not_playable', 'transcode_capacity', 'insufficient_storage'],
});

export const commandStatusContract = defineContract({
  method: 'GET', path: '/api/v1/devices/{id}/commands/{cid}', access: 'user', tags, summary: "A command's outcome: pending, delivered, done, failed (reason) or expired (reason)",
  params: commandParams,
  response: { status: 200, description: 'The command', schema: commandViewSchema },
  errors: ['not_found'],
});

export const ackCommandContract = defineContract({
  method: 'POST', path: '/api/v1/devices/{id}/commands/{cid}/ack', access: 'user', tags, summary: 'The device answers a command: done, or failed with a reason',
  params: commandParams, body: commandAckSchema,
  response: { status: 200, description: 'The command', schema: commandViewSchema },
  errors: ['not_found'],
});

export const listAdminSessionsContract = defineContract({
  method: 'GET', path: '/api/v1/admin/sessions', access: 'admin', tags: ['admin'], summary: 'Every live stream session',
  description: "User, device, item, mode and why, position (from the device's reports), bitrate, and for remux/transcode the worker's live ffmpeg speed (× real time) and CPU (% of one core), refreshed every second while ffmpeg runs. `GET /api/v1/admin/sessions/events` pushes the same as it changes.",
  response: { status: 200, description: 'Sessions, newest first', schema: z.array(adminSessionSchema) },
});

export const adminSessionsEventsContract = defineContract({
  method: 'GET', path: '/api/v1/admin/sessions/events', access: 'admin', tags: ['admin'], summary: 'Every live stream session, live (Server-Sent Events)',
  description:
    'Events: `sessions` — the whole list, as `GET /api/v1/admin/sessions` answers it, when the stream opens and whenever a session starts; ' +
    '`session` — one session that changed (position or pause from its device, ffmpeg speed and CPU as the worker measures them, its device gone); ' +
    '`session-ended` `{key}` — a session ended, was stopped, or went idle. A comment line every 15 s keeps proxies from closing it; the stream ends when the account is no longer an admin.',
  response: { status: 200, description: 'text/event-stream', contentType: 'text/event-stream', schema: z.string() },
});

export const stopAdminSessionContract = defineContract({
  method: 'DELETE', path: '/api/v1/admin/sessions/{key}', access: 'admin', tags: ['admin'], summary: 'Stop a stream session and tell its player why',
  description: 'ffmpeg stops and the segments are deleted; the player (when it sent a `device_id`) gets a `stop` command with the reason and shows it.',
  params: z.object({ key: z.string().min(1).max(100) }), query: stopSessionQuerySchema,
  response: { status: 204, description: 'Stopped' },
  errors: ['not_found'],
});
