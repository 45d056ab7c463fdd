// Preloaded into the app's Node processes by bench/load/run.ts (NODE_OPTIONS=--import …, where
// --cpu-prof is not allowed): SIGUSR2 starts a CPU profile, the next SIGUSR2 writes it to
// $BENCH_PROFILE_DIR/<pid>.cpuprofile, with the event loop's delay over the same span (how long
// the loop was held up: a synchronous call blocking every request shows here) in <pid>.loop.json.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const session = new Session();
session.connect();
const loop = monitorEventLoopDelay({ resolution: 10 });
const dir = process.env.BENCH_PROFILE_DIR ?? '.';
const ms = (ns) => Math.round(ns / 1e5) / 10;
let running = false;
process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    loop.reset();
    loop.enable();
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  running = false;
  loop.disable();
  // Delay past the 10 ms sampling resolution, in ms.
  const delay = { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max), resolution: 10 };
  writeFileSync(join(dir, `${process.pid}.loop.json`), JSON.stringify(delay));
  session.post('Profiler.stop', (err, result) => {
    if (!err) writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
