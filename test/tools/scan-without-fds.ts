// Test tool (lib/scan/fd-exhaustion.int.test.ts): scans one library while this process has no file
// descriptor left — a real EMFILE, not a simulated one — then gives the descriptors back, reports
// through a worker heartbeat, and prints the scan's outcome as one JSON line.
// Usage: node --import tsx test/tools/scan-without-fds.ts <libraryId> <workerId>
import { closeSync, openSync } from 'node:fs';
import { db, disconnectDb } from '@/lib/db';
import { beat } from '@/lib/jobs/heartbeat';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';

const [libraryId, workerId] = process.argv.slice(2);
const deps = await realScanDeps();
await db.library.count(); // the database connection is open before the descriptors run out

const held: number[] = [];
try {
  for (;;) held.push(openSync('/dev/null', 'r'));
} catch (err) {
  if ((err as NodeJS.ErrnoException).code !== 'EMFILE') throw err;
}
let outcome: Record<string, unknown>;
try {
  outcome = { ok: true, result: await scanLibrary(libraryId, {}, deps) };
} catch (err) {
  outcome = { ok: false, code: (err as NodeJS.ErrnoException).code, message: (err as Error).message };
}
for (const fd of held) closeSync(fd);
await beat(workerId);
console.log(JSON.stringify({ ...outcome, held: held.length }));
await disconnectDb();
