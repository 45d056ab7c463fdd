// A user by id: read on every cookie-authenticated request and page, so one raw read past Prisma
// (lib/db.ts).
import { queryRows, rawBool, sql, type Role } from '@/lib/db';

type UserByIdRow = { id: string; username: string; role: Role; name: string | null; avatar: string | null; disabled: boolean | number; demo: boolean | number };

export type UserById = { id: string; username: string; role: Role; name: string | null; avatar: string | null; disabled: boolean; demo: boolean };

const userByIdView = (row: UserByIdRow): UserById => ({ id: row.id, username: row.username, role: row.role, name: row.name, avatar: row.avatar, disabled: rawBool(row.disabled), demo: rawBool(row.demo) });

/** The user, or null when there is none with this id. */
export async function findUserById(id: string): Promise<UserById | null> {
  const [row] = await queryRows<UserByIdRow>(sql`SELECT "id", "username", "role", "name", "avatar", "disabled", "demo" FROM "User" WHERE "id" = ${id}`);
  return row ? userByIdView(row) : null;
}
