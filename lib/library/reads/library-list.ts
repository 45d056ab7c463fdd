// Every library with its folders and item count: on the home page and the libraries page, so two
// raw reads past Prisma (lib/db.ts).
import { queryRows, rawDate, sql, type RawDate } from '@/lib/db';
import { libraryView, type LibraryRow, type LibraryView } from '../libraries';

type LibraryListRow = Omit<LibraryRow, 'lastScanAt' | 'items' | 'scanIntervalMinutes'> & { scanIntervalMinutes: number | bigint | null; lastScanAt: RawDate; items: number | bigint };
type LibraryFolderRow = { libraryId: string; path: string };

const libraryListView = (r: LibraryListRow, paths: string[]): LibraryView =>
  libraryView({ ...r, scanIntervalMinutes: r.scanIntervalMinutes === null ? null : Number(r.scanIntervalMinutes), lastScanAt: rawDate(r.lastScanAt), items: Number(r.items) }, paths);

/** Every library, by name, with its folders (A→Z) and item count. */
export async function listLibraries(): Promise<LibraryView[]> {
  const rows = await queryRows<LibraryListRow>(sql`
    SELECT l."id", l."name", l."type", l."scanIntervalMinutes", l."lastScanAt", l."scanStatus", l."renditionLadder",
           (SELECT COUNT(*) FROM "MediaItem" m WHERE m."libraryId" = l."id") AS "items"
    FROM "Library" l ORDER BY l."name"`);
  const folders = await queryRows<LibraryFolderRow>(sql`SELECT f."libraryId", f."path" FROM "LibraryFolder" f ORDER BY f."path"`);
  const paths = new Map<string, string[]>();
  for (const f of folders) paths.set(f.libraryId, [...(paths.get(f.libraryId) ?? []), f.path]);
  return rows.map((r) => libraryListView(r, paths.get(r.id) ?? []));
}
