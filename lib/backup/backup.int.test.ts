// Export and import: every kept table round-trips exactly through `npm run export` and
// `npm run import` into a fresh database (SQLite or PostgreSQL, as the run), secrets never leave,
// and a bad or cut-short file imports nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProcessEnv, config } from '@/lib/config';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { exportToFile, lastBackup, listBackups, runBackup } from './backup-files';
import { tablePlan, TABLE_POLICY } from './export-tables';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'marquee-backup-'));
const extraDatabases: string[] = [];

/** A second, empty database for the import, of the same kind as this run's. */
async function freshDatabase(name: string): Promise<{ DATABASE_URL: string; DATA_DIR: string }> {
  const dataDir = join(work, name);
  if (config().db.provider === 'sqlite') return { DATABASE_URL: `file:${join(dataDir, 'restored.db')}`, DATA_DIR: dataDir };
  const adminUrl = config().db.url;
  const database = `marquee_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  extraDatabases.push(database);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return { DATABASE_URL: url.toString(), DATA_DIR: dataDir };
}

async function cli(script: 'export' | 'import', args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', join(root, 'scripts', `${script}.ts`), ...args], {
    cwd: root,
    env: childProcessEnv(config(), env),
    timeout: 120_000,
  });
}

type Doc = { format: string; version: number; exported_at: string; schema: string; tables: Record<string, Record<string, unknown>[]> };
const readDoc = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Doc;
/** The document without its time stamp, each table's rows sorted: what must survive a round trip. */
function comparable(doc: Doc): string {
  const tables = Object.fromEntries(
    Object.entries(doc.tables).map(([name, rows]) => [name, rows.map((r) => JSON.stringify(r)).sort()]),
  );
  return JSON.stringify({ format: doc.format, version: doc.version, schema: doc.schema, tables });
}

let userId = '';

beforeAll(async () => {
  const user = await db.user.create({ data: { username: 'ada', email: 'ada@example.test', passwordHash: await hashPassword('correct horse battery'), name: 'Ada', role: 'admin' } });
  userId = user.id;
  await db.apiSession.create({ data: { userId, tokenHash: 'session-token-hash-must-not-leave', expiresAt: new Date(Date.now() + 86_400_000) } });
  await db.apiKey.create({ data: { userId, name: 'script', keyHash: 'api-key-hash-1', preview: 'mq_ab…', scope: 'read' } });
  const library = await db.library.create({ data: { name: 'Films', type: 'movies', folders: { create: { path: '/media/films' } } } });
  const shows = await db.library.create({ data: { name: 'TV', type: 'tv', scanIntervalMinutes: 0, folders: { create: [{ path: '/media/tv' }, { path: '/mnt/more tv' }] } } });
  const movie = await db.mediaItem.create({
    data: { libraryId: library.id, kind: 'movie', identityKey: 'movie:alien:1979', title: 'Alien (edited)', sortTitle: 'alien', year: 1979, tmdbId: '348', lockedFields: '["title"]', overview: 'Line one\nline two “quoted” \u2028 ✓' },
  });
  const show = await db.mediaItem.create({ data: { libraryId: shows.id, kind: 'show', identityKey: 'show:firefly', title: 'Firefly', sortTitle: 'firefly', tvdbId: '78874' } });
  const season = await db.season.create({ data: { showId: show.id, number: 1, title: 'Season 1' } });
  const episode = await db.episode.create({ data: { showId: show.id, seasonId: season.id, seasonNumber: 1, number: 1, title: 'Serenity', airDate: '2002-09-20' } });
  const person = await db.person.create({ data: { providerKey: 'tmdb:10205', name: 'Sigourney Weaver' } });
  await db.credit.create({ data: { itemId: movie.id, personId: person.id, kind: 'cast', character: 'Ripley', order: 0 } });
  await db.mediaFile.create({
    data: { libraryId: library.id, path: '/media/films/Alien (1979).mkv', size: 9_007_199_254_740_993n, mtimeMs: 1_700_000_000_123n, mediaInfo: { video: { codec: 'h264' }, tracks: [1, 2] }, itemId: movie.id },
  });
  const epFile = await db.mediaFile.create({ data: { libraryId: shows.id, path: '/media/tv/Firefly/S01E01.mkv', size: 1234n, mtimeMs: 1n, itemId: show.id } });
  await db.episodeFile.create({ data: { fileId: epFile.id, episodeId: episode.id } });
  await db.watchState.create({ data: { userId, itemId: movie.id, positionSecs: 1234.5, playCount: 2, lastWatchedAt: new Date('2026-11-01T20:00:00.123Z') } });
  await db.watchState.create({ data: { userId, episodeId: episode.id, watched: true, playCount: 1, lastWatchedAt: new Date('2026-11-02T21:00:00Z') } });
  await db.showWatch.create({ data: { userId, showId: show.id, watched: 1, lastWatchedAt: new Date('2026-11-02T21:00:00Z'), lastSeason: 1, lastNumber: 1 } });
  await db.follow.create({ data: { userId, showId: show.id } });
  await db.watchEvent.create({ data: { userId, episodeId: episode.id, watchedAt: new Date('2026-11-02T21:00:00Z') } });
  // A title of the user's Trakt history in no library, with a play only Marquee knows (its item was deleted).
  const onTrakt = await db.traktItem.create({ data: { userId, kind: 'show', traktId: 1390, title: 'Game of Tests', year: 2011, ids: '{"trakt":1390,"tmdb":1399}', plays: 1, lastWatchedAt: new Date('2026-10-01T20:00:00Z') } });
  await db.traktPlay.create({ data: { userId, traktItemId: onTrakt.id, traktPlayId: -1, watchedAt: new Date('2026-10-01T20:00:00Z'), season: 1, number: 1, episodeTitle: 'Winter Tests' } });
  const key = await db.proxyKey.create({ data: { name: 'kodi', kind: 'user_supported', keyHash: 'proxy-key-hash', pinHash: 'proxy-pin-hash', preview: 'ab12…', rateLimit: 60, burst: 10 } });
  await db.proxyKeyUsage.create({ data: { keyId: key.id, day: '2026-12-01', requests: 42 } });
  await db.setting.create({ data: { key: 'registration', value: 'invite' } });
  await db.setting.create({ data: { key: 'trakt.client_secret', value: 'must-not-leave' } });
  await db.job.create({ data: { name: 'scan.library', payload: { libraryId: library.id } } });
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  for (const database of extraDatabases) {
    const adminUrl = config().db.url;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
});

describe('what an export holds', () => {
  it('has a decision for every model, and writes parents before children', () => {
    const order = tablePlan().map((p) => p.model);
    expect(order).toContain('WatchState');
    for (const [child, parent] of [['WatchState', 'User'], ['WatchState', 'Episode'], ['Episode', 'Season'], ['Season', 'MediaItem'], ['EpisodeFile', 'MediaFile'], ['ProxyKeyUsage', 'ProxyKey'], ['TraktPlay', 'TraktItem']]) {
      expect(order.indexOf(child), `${child} after ${parent}`).toBeGreaterThan(order.indexOf(parent));
    }
    for (const skipped of ['ApiSession', 'Invite', 'Job', 'StreamSession', 'TvdbCacheEntry']) expect(order).not.toContain(skipped);
    expect(Object.values(TABLE_POLICY).every((p) => p.keep || p.reason.length > 0)).toBe(true);
  });

  it('keeps hashes but no tokens or credentials', async () => {
    const file = join(work, 'secrets.json');
    await exportToFile(file);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('api-key-hash-1');
    expect(text).toContain('$argon2id$');
    expect(text).not.toContain('session-token-hash-must-not-leave');
    expect(text).not.toContain('must-not-leave');
    expect(text).not.toContain('correct horse battery');
    const doc = readDoc(file);
    expect(doc.tables.Setting.map((s) => s.key)).toEqual(['registration']);
    expect(doc.tables.ApiSession).toBeUndefined();
    expect(doc.tables.MediaFile.find((f) => String(f.path).includes('Alien'))?.size).toBe('9007199254740993');
  });
});

describe('npm run export → npm run import into a fresh database → export again', () => {
  it('gives the same document, row for row (password and key hashes included)', async () => {
    const first = join(work, 'first.json');
    const exported = await cli('export', ['--out', first], {});
    expect(exported.stdout).toMatch(/exported \d+ rows/);
    const target = await freshDatabase('restored');
    const imported = await cli('import', [first], target);
    expect(imported.stdout).toMatch(/imported \d+ rows/);
    const second = join(work, 'second.json');
    await cli('export', ['--out', second], target);
    const [a, b] = [readDoc(first), readDoc(second)];
    expect(Object.values(a.tables).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(20);
    for (const table of Object.keys(a.tables)) expect(comparable({ ...b, tables: { [table]: b.tables[table] } }), table).toBe(comparable({ ...a, tables: { [table]: a.tables[table] } }));

    // Into a database that is no longer empty: refused, and nothing changes.
    const again = await cli('import', [first], target).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(again?.code).toBe(1);
    expect(again?.stderr).toMatch(/not empty/);
  }, 180_000); // four child processes, each loading the app's code

  it('imports nothing from a file cut short or with an unknown field', async () => {
    const full = readFileSync(join(work, 'first.json'), 'utf8');
    const cut = join(work, 'cut.json');
    writeFileSync(cut, full.slice(0, full.lastIndexOf('"WatchEvent"')));
    const target = await freshDatabase('cut');
    const failed = await cli('import', [cut], target).then(() => null, (err: { code: number; stderr: string }) => err);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/cut short/);
    // The transaction rolled back: the same database then takes the whole file.
    const unknown = join(work, 'unknown.json');
    writeFileSync(unknown, full.replace('"username":"ada"', '"username":"ada","shoe_size":42'));
    const refused = await cli('import', [unknown], target).then(() => null, (err: { code: number; stderr: string }) => err);
    expect(refused?.stderr).toMatch(/User: unknown field "shoe_size"/);
    const ok = await cli('import', [join(work, 'first.json')], target);
    expect(ok.stdout).toMatch(/User: 1/);
  }, 180_000);
});

describe('scheduled exports in DATA_DIR/exports', () => {
  it('keeps the newest EXPORT_KEEP files and records each run', async () => {
    const keep = config().backup.keep;
    for (let i = 0; i <= keep; i++) await runBackup('manual', new Date(2026, 0, 1, 6, 0, i));
    const files = await listBackups();
    expect(files).toHaveLength(keep);
    expect(files[0].name).toBe(`marquee-export-20260101-0600${String(keep).padStart(2, '0')}.json`);
    expect(files.some((f) => f.name.endsWith('060000.json'))).toBe(false);
    const last = await lastBackup();
    expect(last).toMatchObject({ ok: true, reason: 'manual', file: files[0].name, error: null });
    expect(last!.size).toBe(files[0].size);
  });

  it('records a failed run with its reason and leaves no partial file', async () => {
    const { dir } = config().backup;
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'not a folder');
    try {
      await expect(runBackup('scheduled')).rejects.toThrow();
      const last = await lastBackup();
      expect(last).toMatchObject({ ok: false, reason: 'scheduled', file: null });
      expect(last!.error).toMatch(/EEXIST|ENOTDIR|exists|not a directory/i);
    } finally {
      rmSync(dir, { force: true });
    }
  });
});
