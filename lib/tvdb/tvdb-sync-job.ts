// tvdb.sync: the proxy's auto-sync. Reads TheTVDB's updates feed since the last run and marks the
// cached answers of every changed series, episode, movie and person stale, so the next request
// refetches them (an episode's change also expires its series' episode lists). Runs in the worker
// every TVDB_SYNC_MINUTES; does nothing while no TVDB_API_KEY is configured.
import { z } from 'zod';
import { db } from '@/lib/db';
import { defineJob } from '@/lib/jobs/define-job';
import type { RecordType } from './proxy-routes';
import { proxyState } from './proxy-state';

const SINCE_KEY = 'tvdb.updates.since';
const MAX_PAGES = 100;
const RECORD_TYPES = new Set<RecordType>(['series', 'episodes', 'movies', 'people']);

const updatesPage = z.object({
  data: z.array(z.object({ entityType: z.string().nullish(), recordId: z.number().nullish(), seriesId: z.number().nullish(), timeStamp: z.number().nullish() })).nullish(),
  links: z.object({ next: z.string().nullish() }).nullish(),
});

export const tvdbSyncJob = defineJob({
  name: 'tvdb.sync',
  schema: z.object({}),
  dedupeKey: () => 'tvdb.sync',
  async handle() {
    const { upstream, cache } = proxyState();
    if (!upstream) return { skipped: 'TVDB_API_KEY is not set' };
    const saved = await db.setting.findUnique({ where: { key: SINCE_KEY } });
    const startedAt = Math.floor(Date.now() / 1000);
    const since = typeof saved?.value === 'number' ? saved.value : startedAt - 24 * 3600;
    const records: { type: RecordType; id: number }[] = [];
    let pages = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await upstream.get(`/updates?since=${since}&page=${page}`);
      if (res.status !== 200) throw new Error(`TheTVDB updates answered ${res.status}`);
      const body = updatesPage.parse(JSON.parse(res.body));
      pages++;
      for (const u of body.data ?? []) {
        const type = u.entityType as RecordType;
        if (RECORD_TYPES.has(type) && u.recordId) records.push({ type, id: u.recordId });
        if (type === 'episodes' && u.seriesId) records.push({ type: 'series', id: u.seriesId });
      }
      if (!body.links?.next || (body.data ?? []).length === 0) break;
    }
    const expired = await cache.expireRecords(records);
    await db.setting.upsert({ where: { key: SINCE_KEY }, create: { key: SINCE_KEY, value: startedAt }, update: { value: startedAt } });
    return { since, pages, updates: records.length, expired };
  },
});
