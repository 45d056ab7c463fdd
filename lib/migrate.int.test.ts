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
      INSERT INTO "Library" (id, name, type, scanStatus, createdAt, updatedAt) VALUES ('l', 'L', 'tv', 'idle', 0, 0);
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

  it('backfills ShowWatch from the watch states already kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marquee-migrate-'));
    const file = join(dir, 'm.db');
    const all = await migrate({ provider: 'sqlite', url: `file:${file}`, file });
    const tracking = all.filter((n) => n.endsWith('_tracking_reads'));
    expect(tracking).toHaveLength(1);
    // Back to the schema before it, with watch states in it: S01E01, S01E03 and a special watched, S01E02 not.
    const conn = new Database(file);
    conn.exec(`
      DROP TABLE "ShowWatch";
      DROP INDEX "Episode_showId_airDate_idx";
      DROP INDEX "WatchState_userId_positionSecs_idx";
      INSERT INTO "User" (id, username, passwordHash, updatedAt) VALUES ('u', 'u', 'x', 0);
      INSERT INTO "Library" (id, name, type, scanStatus, createdAt, updatedAt) VALUES ('l', 'L', 'tv', 'idle', 0, 0);
      INSERT INTO "MediaItem" (id, libraryId, kind, identityKey, title, sortTitle, updatedAt) VALUES ('i', 'l', 'show', 'k', 'T', 't', 0);
      INSERT INTO "Season" (id, showId, number, title) VALUES ('s0', 'i', 0, 'Specials'), ('s1', 'i', 1, 'Season 1');
      INSERT INTO "Episode" (id, showId, seasonId, seasonNumber, number) VALUES ('e0', 'i', 's0', 0, 1), ('e1', 'i', 's1', 1, 1), ('e2', 'i', 's1', 1, 2), ('e3', 'i', 's1', 1, 3);
      INSERT INTO "WatchState" (id, userId, episodeId, watched, playCount, lastWatchedAt, updatedAt) VALUES
        ('w0', 'u', 'e0', true, 1, '2026-03-01T00:00:00.000+00:00', 0),
        ('w1', 'u', 'e1', true, 1, '2026-01-01T00:00:00.000+00:00', 0),
        ('w2', 'u', 'e2', false, 0, NULL, 0),
        ('w3', 'u', 'e3', true, 2, '2026-02-01T00:00:00.000+00:00', 0);
    `);
    conn.prepare('DELETE FROM "_marquee_migrations" WHERE name = ?').run(tracking[0]);
    conn.close();
    expect(await migrate({ provider: 'sqlite', url: `file:${file}`, file })).toEqual(tracking);
    const check = new Database(file);
    expect(check.prepare('SELECT * FROM "ShowWatch"').all()).toEqual([
      { userId: 'u', showId: 'i', watched: 2, lastWatchedAt: '2026-02-01T00:00:00.000+00:00', lastSeason: 1, lastNumber: 3 },
    ]);
    check.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
