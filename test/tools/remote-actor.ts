// A second process for the live-stream tests: another web instance or the worker, doing what they
// do (a device's state report, a transcode's measured figures) when told on stdin, one JSON line
// each; answers "done <n>" per line, and says "ready" once its events transport is up.
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { loadConfigOrExit } from '@/lib/config';
import { events } from '@/lib/events/events';
import { deviceStateSchema } from '@/lib/remote/device-state';
import { reportState } from '@/lib/remote/devices';
import { recordFfmpegFigures } from '@/lib/stream/ffmpeg-stats';

const actionSchema = z.discriminatedUnion('do', [
  z.object({ do: z.literal('report'), userId: z.string(), deviceId: z.string(), state: deviceStateSchema }),
  z.object({ do: z.literal('figures'), sessionId: z.string(), speed: z.number(), cpuPercent: z.number() }),
]);

loadConfigOrExit();
events();
let n = 0;
createInterface({ input: process.stdin }).on('line', (line) => {
  const action = actionSchema.parse(JSON.parse(line));
  const done = action.do === 'report' ? reportState(action.userId, action.deviceId, action.state) : recordFfmpegFigures(action.sessionId, action);
  done.then(
    () => console.log(`done ${++n}`),
    (err: unknown) => console.log(`failed ${String(err)}`),
  );
});
console.log('ready');
