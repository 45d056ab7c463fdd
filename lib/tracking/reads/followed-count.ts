// How many shows a user follows: one raw read past Prisma (lib/db.ts).
import { queryRows, sql } from '@/lib/db';

type FollowedCountRow = { n: number | bigint };

const followedCountView = (row: FollowedCountRow): number => Number(row.n);

/** How many shows the user follows. */
export async function followedCount(userId: string): Promise<number> {
  const [row] = await queryRows<FollowedCountRow>(sql`SELECT COUNT(*) AS "n" FROM "Follow" WHERE "userId" = ${userId}`);
  return followedCountView(row);
}
