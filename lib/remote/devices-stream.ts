// The caller's devices, live (GET /api/v1/devices/events): the remote page and the device list
// follow a device's state as it reports it, instead of polling. Woken by
// `remote.device-changed` for this user only — from whichever web instance the device reached —
// and when a silent device's time runs out; another user's devices are never read.
import { subscribe } from '@/lib/events/events';
import { liveListStream } from '@/lib/http/live-list-stream';
import { readDevices } from './devices';
import { DEVICE_STREAM_EVENTS } from './live-event-names';
import { deviceChanged } from './remote-events';

export function openDevicesStream(userId: string, signal: AbortSignal, stillAuthorized: () => Promise<boolean>): Response {
  return liveListStream({
    read: () => readDevices(userId),
    idField: 'id',
    names: DEVICE_STREAM_EVENTS,
    watch: (wake) => [subscribe(deviceChanged, (e) => e.userId === userId && wake())],
    signal,
    stillAuthorized,
  });
}
