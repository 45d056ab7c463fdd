// The library list raw read against a real database (SQLite, and PostgreSQL with TEST_DB=postgres).
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listLibraries } from './library-list';

describe('listLibraries', () => {
  it('lists every library by name with its folders, item count, scan interval and last scan time', async () => {
    const scanned = new Date('2026-01-02T03:04:05.678Z');
    const tv = await db.library.create({ data: { name: 'TV', type: 'tv', lastScanAt: scanned, scanIntervalMinutes: 30, folders: { create: [{ path: '/reads/tv-b' }, { path: '/reads/tv-a' }] } } });
    const films = await db.library.create({ data: { name: 'Films', type: 'movies', folders: { create: [{ path: '/reads/films' }] } } });
    for (const title of ['One', 'Two']) {
      await db.mediaItem.create({ data: { libraryId: films.id, kind: 'movie', identityKey: `movie:${title}`, title, sortTitle: title.toLowerCase() } });
    }
    expect(await listLibraries()).toEqual([
      { id: films.id, name: 'Films', path: '/reads/films', paths: ['/reads/films'], type: 'movies', scan_interval_minutes: null, media_count: 2, last_scan_at: null, scan_status: 'idle', rendition_ladder: 'off' },
      { id: tv.id, name: 'TV', path: '/reads/tv-a', paths: ['/reads/tv-a', '/reads/tv-b'], type: 'tv', scan_interval_minutes: 30, media_count: 0, last_scan_at: scanned.toISOString(), scan_status: 'idle', rendition_ladder: 'off' },
    ]);
  });
});
