// Every live stream session, live (GET /api/v1/admin/sessions/events), for the admin dashboard:
// woken when a session starts, changes state or ends, when the worker measures its ffmpeg figures,
// and when a device playing one reports (position, paused) or goes — events from the web or the
// worker alike — and when a session goes idle by itself.
import { subscribe } from '@/lib/events/events';
import { liveListStream } from '@/lib/http/live-list-stream';
import { streamChanged, streamSessionUpdated } from '@/lib/stream/stream-events';
import { readStreamSessions } from './admin-sessions';
import { SESSION_STREAM_EVENTS } from './live-event-names';
import { deviceChanged } from './remote-events';

export function openSessionsStream(signal: AbortSignal, stillAuthorized: () => Promise<boolean>): Response {
  return liveListStream({
    read: readStreamSessions,
    idField: 'key',
    names: SESSION_STREAM_EVENTS,
    watch: (wake, current) => [
      subscribe(streamSessionUpdated, wake),
      subscribe(streamChanged, wake),
      // Reports of the devices that play a listed session; a new session announces itself above.
      subscribe(deviceChanged, (e) => current().some((s) => s.device?.id === e.deviceId) && wake()),
    ],
    signal,
    stillAuthorized,
  });
}
