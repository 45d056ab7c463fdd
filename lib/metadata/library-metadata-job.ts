// Job `metadata.library`: the fetch_metadata task — queues `metadata.local` for every item of a
// library, in pages, so the request that asked returns at once however big the library is.
import { z } from 'zod';
import { db } from '@/lib/db';
import { defineJob } from '@/lib/jobs/define-job';
import { enqueueLocalMetadata } from './local-metadata-job';

export const libraryMetadataPayload = z.object({ libraryId: z.string().min(1) });

const PAGE = 500;

export const libraryMetadataJob = defineJob({
  name: 'metadata.library',
  schema: libraryMetadataPayload,
  dedupeKey: (p) => `meta-library:${p.libraryId}`,
  async handle(payload, ctx) {
    const total = await db.mediaItem.count({ where: { libraryId: payload.libraryId } });
    let cursor: string | undefined;
    let seen = 0;
    let queued = 0;
    for (;;) {
      ctx.signal.throwIfAborted();
      const page = await db.mediaItem.findMany({
        where: { libraryId: payload.libraryId },
        orderBy: { id: 'asc' },
        select: { id: true },
        take: PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      if (page.length === 0) break;
      queued += await enqueueLocalMetadata(page.map((i) => i.id));
      seen += page.length;
      cursor = page[page.length - 1].id;
      await ctx.progress(total ? seen / total : 1, `queued ${seen} of ${total} items`);
    }
    return { items: seen, queued };
  },
});
