// Stream sessions as stored: create, find (the plan parsed with zod at every read), touch, end,
// fail. The web and the worker both go through here; neither casts the plan. Ending or failing
// a session also tells the other side at once (event `stream.changed`); starting one says so too
// (`stream.session-updated`, for the admin sessions page).
import { join } from 'node:path';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { notify } from '@/lib/events/events';
import { ApiError } from '@/lib/errors/api-error';
import { streamChanged, streamSessionUpdated } from './stream-events';
import { type StreamMode, type StreamPlan, streamPlanSchema } from './stream-plan';

export const LIVE_STATUSES = ['starting', 'running'];
const KEY_PATTERN = /^[A-Za-z0-9_-]{10,64}$/;

export type NewSession = { key: string; userId: string; fileId: string; mode: StreamMode; plan: StreamPlan; requestedSegment: number; deviceId?: string | null };

export async function insertSession(s: NewSession) {
  const plan = streamPlanSchema.parse(s.plan);
  const row = await db.streamSession.create({
    data: { ...s, plan, status: s.mode === 'direct' || s.mode === 'renditions' ? 'running' : 'starting' },
    select: { id: true, key: true },
  });
  notify(streamSessionUpdated, { sessionId: row.id });
  return row;
}

export async function linkSessionJob(id: string, jobId: string): Promise<void> {
  await db.streamSession.update({ where: { id }, data: { jobId } });
}

function findRow(where: { key: string } | { id: string }) {
  return db.streamSession.findUnique({ where, include: { file: { select: { path: true } } } });
}

type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;
export type Session = Omit<Row, 'plan'> & { plan: StreamPlan };

function withPlan(row: Row): Session {
  const plan = streamPlanSchema.safeParse(row.plan);
  if (!plan.success) throw new ApiError('stream_failed', 'This stream session has an unreadable plan; start a new one.');
  return { ...row, plan: plan.data };
}

/** The caller's live session for this key; anything else (unknown, ended, someone else's) is a 404. */
export async function sessionFor(userId: string, key: string): Promise<Session> {
  if (!KEY_PATTERN.test(key)) throw new ApiError('not_found', 'No such stream session.');
  const row = await findRow({ key });
  if (!row || row.userId !== userId || row.status === 'ended') throw new ApiError('not_found', 'No such stream session.');
  return withPlan(row);
}

/** The worker's read of a session it was asked to run; null when it is gone or already ended. */
export async function sessionById(id: string): Promise<Session | null> {
  const row = await findRow({ id });
  return row && row.status !== 'ended' ? withPlan(row) : null;
}

/** Status, error and last request of a session, for a waiter's fallback look. */
export function sessionState(id: string) {
  return db.streamSession.findUnique({ where: { id }, select: { status: true, error: true, lastRequestAt: true } });
}

export function sessionDir(sessionId: string): string {
  return join(config().paths.transcode, sessionId);
}

const touchedAt = new Map<string, number>();

/**
 * Records that a player asked for the session. The worker hears it as an event; the row's
 * `lastRequestAt` is written at most every quarter idle period (≤ 5 s) — enough for the worker's
 * idle fallback and the capacity count, without a database write per segment.
 */
export async function touchSession(id: string, now = Date.now()): Promise<void> {
  const every = Math.min(5_000, config().stream.idleMs / 4);
  if (now - (touchedAt.get(id) ?? 0) < every) return;
  touchedAt.set(id, now);
  if (touchedAt.size > 1_000) touchedAt.delete(touchedAt.keys().next().value!);
  await db.streamSession.update({ where: { id }, data: { lastRequestAt: new Date(now) } });
}

export async function markRunning(id: string): Promise<void> {
  // Only a session still starting becomes running: one deleted meanwhile stays ended.
  await db.streamSession.updateMany({ where: { id, status: 'starting' }, data: { status: 'running' } });
}

/** Ends a session (a failed one too when the player deletes it; the worker ends only live ones). */
export async function endSession(id: string, { keepFailed = false } = {}): Promise<void> {
  const from = keepFailed ? LIVE_STATUSES : [...LIVE_STATUSES, 'failed'];
  await db.streamSession.updateMany({ where: { id, status: { in: from } }, data: { status: 'ended', endedAt: new Date() } });
  touchedAt.delete(id);
  await releaseTranscodeSlot(id);
  notify(streamChanged, { sessionId: id, state: 'ended' });
}

export async function failSession(id: string, error: string): Promise<void> {
  await db.streamSession.update({ where: { id }, data: { status: 'failed', error } });
  await releaseTranscodeSlot(id);
  notify(streamChanged, { sessionId: id, state: 'failed', error: error.slice(0, 500) });
}

/** Live transcodes: a session whose player went away stops counting once it is idle. */
export async function liveTranscodeCount({ activeWithinMs }: { activeWithinMs?: number } = {}): Promise<number> {
  const since = activeWithinMs === undefined ? undefined : { gte: new Date(Date.now() - activeWithinMs) };
  return db.streamSession.count({ where: { mode: 'transcode', status: { in: LIVE_STATUSES }, ...(since ? { lastRequestAt: since } : {}) } });
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}

/** Frees the slots of sessions that are no longer live (ended, failed, a worker that died) or whose player has been idle for `idleMs`. */
async function freeStaleSlots(idleMs: number): Promise<void> {
  const since = new Date(Date.now() - idleMs);
  await db.transcodeSlot.deleteMany({ where: { session: { OR: [{ status: { notIn: LIVE_STATUSES } }, { lastRequestAt: { lt: since } }] } } });
}

/**
 * Admits a transcode: claims the first free of `max` numbered slots for the session with an INSERT
 * that the slot's primary key makes atomic on SQLite and PostgreSQL (two requests racing for a
 * slot: one insert wins, the other moves on to the next number). Returns the number of slots held
 * when all are taken, null when admitted.
 */
export async function claimTranscodeSlot(sessionId: string, { max, idleMs }: { max: number; idleMs: number }): Promise<{ held: number } | null> {
  await freeStaleSlots(idleMs);
  const held = new Set((await db.transcodeSlot.findMany({ select: { slot: true } })).map((s) => s.slot));
  for (let slot = 0; slot < max; slot++) {
    if (held.has(slot)) continue;
    try {
      await db.transcodeSlot.create({ data: { slot, sessionId } });
      return null;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return { held: await db.transcodeSlot.count() };
}

/** Gives a session's transcode slot back (ending, failing or replacing a session all come here). */
export async function releaseTranscodeSlot(sessionId: string): Promise<void> {
  await db.transcodeSlot.deleteMany({ where: { sessionId } });
}

/** Drops a session that was never admitted (no job, no slot): nothing else refers to it yet. */
export async function discardSession(id: string): Promise<void> {
  await db.streamSession.deleteMany({ where: { id } });
}
