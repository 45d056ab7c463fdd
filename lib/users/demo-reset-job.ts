// demo.reset (daily): the demo account's resume points, watched marks and history are forgotten,
// so each day's visitors start from the same place.
import { z } from 'zod';
import { db } from '@/lib/db';
import { defineJob } from '@/lib/jobs/define-job';
import { resetWatchDataOf } from '@/lib/tracking/reset-watch-data';

export const demoResetJob = defineJob({
  name: 'demo.reset',
  schema: z.object({}),
  dedupeKey: () => 'demo.reset',
  async handle() {
    const demos = await db.user.findMany({ where: { demo: true }, select: { id: true } });
    let states = 0;
    for (const { id } of demos) states += (await resetWatchDataOf(id)).states;
    return { accounts: demos.length, states };
  },
});
