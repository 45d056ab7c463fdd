// The other process of bench/events: hears `bench.sent` events through lib/events, and — the old
// way, for the baseline — polls a SQLite row every 150 ms (the transcode job's old row poll) and
// every 500 ms (the old scan-progress SSE poll). Prints one JSON line of one-way latencies (ms)
// when it gets SIGTERM.
import Database from 'better-sqlite3';
import { config, loadConfigOrExit } from '../../lib/config';
import { subscribe } from '../../lib/events/events';
import { benchSent } from './bench-events';

loadConfigOrExit();
const now = () => performance.timeOrigin + performance.now();
const latencies: Record<string, number[]> = { event: [], poll150: [], poll500: [] };
subscribe(benchSent, (e) => latencies.event.push(now() - e.sentAt));

const sqlite = new Database(`${config().paths.data}/bench-signal.db`);
const read = sqlite.prepare('SELECT value, writtenAt FROM signal WHERE id = 1');
for (const [name, every] of [['poll150', 150], ['poll500', 500]] as const) {
  let last = -1;
  setInterval(() => {
    const row = read.get() as { value: number; writtenAt: number } | undefined;
    if (row && row.value !== last) {
      if (last !== -1) latencies[name].push(now() - row.writtenAt);
      last = row.value;
    }
  }, every);
}
process.on('SIGTERM', () => {
  console.log(JSON.stringify(latencies));
  process.exit(0);
});
console.log('ready');
