import { afterAll } from 'vitest';
import { config } from '@/lib/config';
import { createDb, db as sharedDb, type Db } from '@/lib/db';
import { createDbQueue } from './db-queue';
import { describeQueueContract } from './queue.contract';

// On PostgreSQL each queue gets its own Prisma client, so concurrent claimers use separate
// connections. Not on SQLite: better-sqlite3 waits for a lock synchronously, so a second connection
// in the same process would block the event loop the first one needs to commit (one client per
// process is how web and worker use it).
const clients: Db[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
});

describeQueueContract(`Job table (${config().db.provider})`, async () => {
  let db = sharedDb;
  if (config().db.provider === 'postgresql') {
    db = createDb(config().db);
    clients.push(db);
  }
  return createDbQueue({ db, backoff: { baseMs: 20, maxMs: 1_000 } });
});
