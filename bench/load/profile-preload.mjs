// Preloaded into the app's Node processes by bench/load/run.ts (NODE_OPTIONS=--import …, where
// --cpu-prof is not allowed): SIGUSR2 starts a CPU profile, the next SIGUSR2 writes it to
// $BENCH_PROFILE_DIR/<pid>.cpuprofile.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const session = new Session();
session.connect();
let running = false;
process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  running = false;
  session.post('Profiler.stop', (err, result) => {
    if (!err) writeFileSync(join(process.env.BENCH_PROFILE_DIR ?? '.', `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
