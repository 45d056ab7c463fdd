// Recently added: the newest movies, shows and videos across libraries, on the home page. One raw
// read past Prisma (lib/db.ts).
import { queryRows, sql } from '@/lib/db';
import { imageUrl } from '@/lib/media/image-key';

type RecentlyAddedRow = { id: string; kind: 'movie' | 'show' | 'video'; title: string; posterPath: string | null };

const recentlyAddedView = (i: RecentlyAddedRow) => ({ id: i.id, kind: i.kind, title: i.title, poster_url: imageUrl(i.posterPath) });

/** The newest movies, shows and videos across libraries. */
export async function recentlyAdded(limit = 12) {
  const items = await queryRows<RecentlyAddedRow>(sql`
    SELECT "id", "kind", "title", "posterPath" FROM "MediaItem" WHERE "status" = 'ok' ORDER BY "addedAt" DESC LIMIT ${limit}`);
  return items.map(recentlyAddedView);
}
