import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromJellyfin, fromPlex, jellyfinPayloadSchema, JELLYFIN_TEMPLATE, plexPayloadSchema } from './webhooks';

/** Renders the template as Handlebars' "{{x}}" does: HTML-escaped values, "" for a missing one. */
function render(template: string, values: Record<string, string | number | boolean>) {
  const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (k in values ? escape(String(values[k])) : ''));
}

describe('Jellyfin webhook mapping', () => {
  it('is the template the README tells admins to paste', () => {
    expect(readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8')).toContain(JELLYFIN_TEMPLATE);
  });

  it('reads the documented template as rendered: strings, empty values, escaped titles', () => {
    const body = JSON.parse(render(JELLYFIN_TEMPLATE, { NotificationType: 'PlaybackProgress', ItemType: 'Episode', Name: 'Pilot', SeriesName: 'Tom & Jerry "Live"', SeasonNumber: 1, EpisodeNumber: 4, PlaybackPositionTicks: 6_000_000_000, RunTimeTicks: 12_000_000_000, IsPaused: 'False' }));
    const mapped = fromJellyfin(jellyfinPayloadSchema.parse(body));
    expect(mapped).toEqual({ input: { event: 'start', position_secs: 600, duration_secs: 1200, ids: { season: 1, episode: 4 }, title: 'Tom & Jerry "Live"' } });
  });

  it('takes PlayedToCompletion as the end, a paused progress as a pause, and ignores what is not playback', () => {
    const stop = fromJellyfin(jellyfinPayloadSchema.parse({ NotificationType: 'PlaybackStop', ItemType: 'Movie', Name: 'X', Year: 1999, RunTimeTicks: 100 * 10_000_000, PlaybackPositionTicks: 5, PlayedToCompletion: 'True', Provider_imdb: 'tt0000001' }));
    expect(stop).toMatchObject({ input: { event: 'stop', position_secs: 100, duration_secs: 100, year: 1999, ids: { imdb: 'tt0000001' } } });
    const paused = fromJellyfin(jellyfinPayloadSchema.parse({ NotificationType: 'PlaybackProgress', ItemType: 'Movie', Name: 'X', RunTimeTicks: 10, IsPaused: true }));
    expect(paused).toMatchObject({ input: { event: 'pause' } });
    expect(fromJellyfin(jellyfinPayloadSchema.parse({ NotificationType: 'ItemAdded' }))).toHaveProperty('ignored');
    expect(fromJellyfin(jellyfinPayloadSchema.parse({ NotificationType: 'PlaybackStart', ItemType: 'Audio' }))).toHaveProperty('ignored');
    expect(fromJellyfin(jellyfinPayloadSchema.parse({ NotificationType: 'PlaybackStart', ItemType: 'Movie', Name: 'X', RunTimeTicks: '' }))).toHaveProperty('ignored');
  });
});

describe('Plex webhook mapping', () => {
  it('maps events, milliseconds and Guids; media.scrobble counts as the end', () => {
    const meta = { type: 'movie', title: 'M', year: 2001, Guid: [{ id: 'imdb://tt0000002' }, { id: 'tmdb://77' }, { id: 'plex://movie/abc' }], viewOffset: 30_000, duration: 100_000 };
    expect(fromPlex(plexPayloadSchema.parse({ event: 'media.resume', Metadata: meta }))).toEqual({ input: { event: 'start', position_secs: 30, duration_secs: 100, ids: { imdb: 'tt0000002', tmdb: '77' }, title: 'M', year: 2001 } });
    expect(fromPlex(plexPayloadSchema.parse({ event: 'media.scrobble', Metadata: meta }))).toMatchObject({ input: { event: 'stop', position_secs: 100 } });
    expect(fromPlex(plexPayloadSchema.parse({ event: 'media.rate', Metadata: meta }))).toHaveProperty('ignored');
  });

  it('finds an episode by its show, season and number, not by its own Guids', () => {
    const ep = { type: 'episode', title: 'E', grandparentTitle: 'Show', parentIndex: 2, index: 5, Guid: [{ id: 'tvdb://123' }], viewOffset: 0, duration: 60_000 };
    expect(fromPlex(plexPayloadSchema.parse({ event: 'media.play', Metadata: ep }))).toEqual({ input: { event: 'start', position_secs: 0, duration_secs: 60, ids: { season: 2, episode: 5 }, title: 'Show' } });
  });
});
