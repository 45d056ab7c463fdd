// What carries events between processes. The bus delivers in-process itself; a transport only
// moves frames to the other processes sharing this installation and hands theirs back.
// Backends: a Unix-socket mesh (SQLite, one machine), PostgreSQL LISTEN/NOTIFY; Redis pub/sub can
// be added behind the same two methods without touching a caller.
import { z } from 'zod';

export const frameSchema = z.object({ topic: z.string().min(1).max(200), payload: z.unknown() });
export type Frame = z.infer<typeof frameSchema>;

export interface EventTransport {
  readonly kind: string;
  /** Best effort: a frame sent while a peer is unreachable is lost (waitFor re-checks state). */
  send(frame: Frame): void;
  close(): Promise<void>;
}

/** Builds a transport that hands every frame from another process to `deliver`. */
export type TransportFactory = (deliver: (frame: Frame) => void) => EventTransport;

/** Frames are at most this long (PostgreSQL NOTIFY's limit is 8000 bytes): events carry ids, not data. */
export const MAX_FRAME_BYTES = 7_000;
