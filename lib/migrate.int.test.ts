import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';

describe('migrate (SQLite)', () => {
  it('keeps child rows when a later migration rebuilds a parent table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marquee-migrate-'));
    const file = join(dir, 'm.db');
    const first = await migrate({ provider: 'sqlite', url: `file:${file}`, file });
    expect(first.length).toBeGreaterThan(1);
    // Re-run the migration that rebuilds MediaFile (remote_files) on a database holding linked rows.
    const conn = new Database(file);
    const later = first.filter((n) => n.endsWith('_remote_files'));
    conn.exec(`
      INSERT INTO "Library" (id, name, path, type, scanStatus, createdAt, updatedAt) VALUES ('l', 'L', '/x', 'tv', 'idle', 0, 0);
      INSERT INTO "MediaItem" (id, libraryId, kind, identityKey, title, sortTitle, updatedAt) VALUES ('i', 'l', 'show', 'k', 'T', 't', 0);
      INSERT INTO "Season" (id, showId, number, title) VALUES ('s', 'i', 1, 'Season 1');
      INSERT INTO "Episode" (id, showId, seasonId, seasonNumber, number) VALUES ('e', 'i', 's', 1, 1);
      INSERT INTO "MediaFile" (id, libraryId, path, size, mtimeMs, updatedAt) VALUES ('f', 'l', '/x/a.mkv', 1, 1, 0);
      INSERT INTO "EpisodeFile" (fileId, episodeId) VALUES ('f', 'e');
    `);
    for (const name of later) conn.prepare('DELETE FROM "_marquee_migrations" WHERE name = ?').run(name);
    conn.close();
    expect(later.length).toBeGreaterThan(0);
    expect(await migrate({ provider: 'sqlite', url: `file:${file}`, file })).toEqual(later);
    const check = new Database(file);
    expect(check.prepare('SELECT COUNT(*) AS n FROM "EpisodeFile"').get()).toEqual({ n: 1 });
    check.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
