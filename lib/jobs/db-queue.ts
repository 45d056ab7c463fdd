// The default job queue: rows in the Job table, polled by the worker. Works on SQLite and PostgreSQL
// with plain Prisma calls: a claim is a conditional update (`status = queued`) that only one caller
// can win, and "one live job per dedupe key" is the unique `activeKey` column.
import { db as sharedDb, type Db, type Job, type Prisma } from '@/lib/db';
import { backoffDelay, DEFAULT_BACKOFF, type Backoff } from './backoff-delay';
import { DEFAULT_MAX_ATTEMPTS } from './define-job';
import { jobEnqueued } from './enqueued';
import { errorText, type JobQueue, type JobRecord, type JobStatus, type RunState } from './queue';

export interface DbQueueOptions {
  db?: Db;
  backoff?: Partial<Backoff>;
}

/** How many candidates one claim tries before it reports "nothing due" (others won the rest). */
const CLAIM_CANDIDATES = 5;
const BACKGROUND_PRIORITY = -10;
const CLAIM_ROUNDS = 3;

export function createDbQueue(options: DbQueueOptions = {}): JobQueue {
  const db = options.db ?? sharedDb;
  const backoff: Backoff = { ...DEFAULT_BACKOFF, ...options.backoff };

  async function get(id: string): Promise<JobRecord | null> {
    const row = await db.job.findUnique({ where: { id } });
    return row ? toRecord(row) : null;
  }

  /** The state a running job's owner should act on, after a lock-renewing update touched `count` rows. */
  async function runState(id: string, count: number): Promise<RunState> {
    if (count === 0) return 'lost';
    const row = await db.job.findUnique({ where: { id }, select: { cancelRequested: true } });
    if (!row) return 'lost';
    return row.cancelRequested ? 'cancelRequested' : 'running';
  }

  return {
    async enqueue(def, payload, opts = {}) {
      const data = def.schema.parse(payload);
      const key = opts.dedupeKey ?? def.dedupeKey?.(data) ?? null;
      const row = {
        name: def.name,
        payload: toJson(data),
        dedupeKey: key,
        activeKey: key,
        // Background work waits behind everything else queued (a scan asked for now goes first).
        priority: opts.priority ?? (def.background ? BACKGROUND_PRIORITY : 0),
        maxAttempts: opts.maxAttempts ?? def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        runAt: opts.runAt ?? new Date(),
      };
      if (key === null) {
        const created = await db.job.create({ data: row, select: { id: true } });
        jobEnqueued(def.name, key);
        return { id: created.id, deduped: false };
      }
      // The live job may end between our failed insert and the lookup: then insert again.
      for (let round = 0; round < 5; round++) {
        try {
          const created = await db.job.create({ data: row, select: { id: true } });
          jobEnqueued(def.name, key);
          return { id: created.id, deduped: false };
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
        }
        const live = await db.job.findUnique({ where: { activeKey: key }, select: { id: true } });
        if (live) return { id: live.id, deduped: true };
      }
      throw new Error(`could not enqueue ${def.name} with dedupe key "${key}": it kept changing`);
    },

    async claim(workerId, names) {
      if (names.length === 0) return null;
      for (let round = 0; round < CLAIM_ROUNDS; round++) {
        const now = new Date();
        const candidates = await db.job.findMany({
          where: { status: 'queued', name: { in: [...names] }, runAt: { lte: now } },
          orderBy: [{ priority: 'desc' }, { runAt: 'asc' }, { createdAt: 'asc' }],
          take: CLAIM_CANDIDATES,
          select: { id: true },
        });
        if (candidates.length === 0) return null;
        for (const { id } of candidates) {
          const won = await db.job.updateMany({
            where: { id, status: 'queued' },
            data: {
              status: 'running',
              lockedBy: workerId,
              lockedAt: now,
              attempts: { increment: 1 },
              progress: null,
              progressMessage: null,
            },
          });
          if (won.count === 1) return get(id);
        }
      }
      return null;
    },

    async progress(id, fraction, message) {
      if (Number.isNaN(fraction)) throw new RangeError('progress must be a number between 0 and 1');
      const { count } = await db.job.updateMany({
        where: { id, status: 'running' },
        data: {
          progress: Math.min(1, Math.max(0, fraction)),
          ...(message === undefined ? {} : { progressMessage: message }),
          lockedAt: new Date(),
        },
      });
      return runState(id, count);
    },

    async renew(id, workerId) {
      const { count } = await db.job.updateMany({
        where: { id, status: 'running', lockedBy: workerId },
        data: { lockedAt: new Date() },
      });
      return runState(id, count);
    },

    async complete(id, result) {
      await db.job.updateMany({
        where: { id, status: 'running' },
        data: {
          status: 'completed',
          activeKey: null,
          progress: 1,
          finishedAt: new Date(),
          ...storedResult(result),
        },
      });
    },

    async fail(id, error, opts = {}) {
      const job = await db.job.findUnique({ where: { id } });
      if (!job) return null;
      if (job.status !== 'running') return job.status;
      const now = new Date();
      const text = errorText(error);
      const retry = opts.retry !== false && !job.cancelRequested && job.attempts < job.maxAttempts;
      const data: Prisma.JobUpdateManyMutationInput = retry
        ? {
            status: 'queued',
            error: text,
            lockedBy: null,
            lockedAt: null,
            runAt: new Date(now.getTime() + backoffDelay(job.attempts, backoff)),
          }
        : { status: job.cancelRequested ? 'cancelled' : 'failed', error: text, activeKey: null, finishedAt: now };
      const { count } = await db.job.updateMany({ where: { id, status: 'running' }, data });
      if (count === 1) return data.status as JobStatus;
      return (await get(id))?.status ?? null;
    },

    async cancel(id) {
      const queued = await db.job.updateMany({
        where: { id, status: 'queued' },
        data: { status: 'cancelled', cancelRequested: true, activeKey: null, finishedAt: new Date() },
      });
      if (queued.count === 1) return 'cancelled';
      await db.job.updateMany({ where: { id, status: 'running' }, data: { cancelRequested: true } });
      return (await get(id))?.status ?? null;
    },

    get,

    async list(filter = {}) {
      const rows = await db.job.findMany({
        where: { status: filter.status, name: filter.name },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: Math.min(Math.max(filter.limit ?? 100, 1), 1000),
      });
      return rows.map(toRecord);
    },

    async recoverStale(olderThanMs) {
      const now = new Date();
      const stale = { status: 'running' as const, lockedAt: { lt: new Date(now.getTime() - olderThanMs) } };
      const cancelled = await db.job.updateMany({
        where: { ...stale, cancelRequested: true },
        data: { status: 'cancelled', activeKey: null, finishedAt: now },
      });
      let touched = cancelled.count;
      // Each update re-checks staleness, so a lock renewed meanwhile is left alone.
      const exhausted = await db.job.findMany({
        where: { ...stale, attempts: { gte: db.job.fields.maxAttempts } },
        select: { id: true },
      });
      for (const { id } of exhausted) {
        const { count } = await db.job.updateMany({
          where: { ...stale, id },
          data: {
            status: 'failed',
            error: 'the worker running this job stopped (no lock renewal) and no attempts are left',
            activeKey: null,
            finishedAt: now,
          },
        });
        touched += count;
      }
      const requeued = await db.job.updateMany({
        where: stale,
        data: { status: 'queued', lockedBy: null, lockedAt: null, runAt: now },
      });
      return touched + requeued.count;
    },

    async close() {
      // The Prisma client belongs to whoever passed it in (or to lib/db).
    },
  };
}

function toRecord(row: Job): JobRecord {
  return {
    id: row.id,
    name: row.name,
    payload: row.payload,
    status: row.status,
    dedupeKey: row.dedupeKey,
    priority: row.priority,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAt: row.runAt,
    lockedBy: row.lockedBy,
    lockedAt: row.lockedAt,
    progress: row.progress,
    progressMessage: row.progressMessage,
    cancelRequested: row.cancelRequested,
    result: row.result,
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

/** Payloads and results are stored as JSON: normalise once (drops undefined, dates become strings). */
function toJson(value: unknown): Prisma.InputJsonValue {
  const json: unknown = value === undefined ? null : JSON.parse(JSON.stringify(value));
  if (json === null) throw new TypeError('a job payload must be a JSON value other than null');
  return json as Prisma.InputJsonValue;
}

/** A result that cannot be stored is dropped rather than leaving a finished job `running`. */
function storedResult(result: unknown): { result?: Prisma.InputJsonValue } {
  if (result === undefined || result === null) return {};
  try {
    return { result: toJson(result) };
  } catch {
    return {};
  }
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown })?.code === 'P2002';
}
