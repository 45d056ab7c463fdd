import { describe, expect, it } from 'vitest';
import type { MediaTags } from '@/lib/media/media-info';
import {
  episodePatchFromNfo,
  isLocked,
  itemPatchFromNfo,
  itemPatchFromTags,
  nfoMatchesEpisode,
  parseLockedFields,
  sensibleTagTitle,
  type EpisodeFields,
  type ItemFields,
} from './apply-nfo';
import { parseNfo, type NfoMetadata } from './nfo';

const nfo = (xml: string): NfoMetadata => {
  const parsed = parseNfo(xml);
  if (!parsed) throw new Error('test NFO did not parse');
  return parsed;
};
const item: ItemFields = { title: 'Heat', year: 1995, overview: null, tmdbId: null, tvdbId: null, imdbId: null };
const none = new Set<string>();

describe('itemPatchFromNfo', () => {
  it.each<[string, string, ItemFields, string[], object]>([
    [
      'title, year, plot and ids',
      '<movie><title>Heat (Director’s Cut)</title><year>1996</year><plot>A heist.</plot><uniqueid type="tmdb">949</uniqueid><uniqueid type="imdb">tt0113277</uniqueid></movie>',
      item,
      [],
      { title: 'Heat (Director’s Cut)', sortTitle: expect.any(String), year: 1996, overview: 'A heist.', tmdbId: '949', imdbId: 'tt0113277' },
    ],
    ['only what differs', '<movie><title>Heat</title><year>1995</year><plot>A heist.</plot></movie>', item, [], { overview: 'A heist.' }],
    ['an empty NFO value never clears', '<movie><title></title></movie>', { ...item, overview: 'Kept.' }, [], {}],
    ['locked title and overview stay', '<movie><title>Other</title><plot>New.</plot><year>2001</year></movie>', item, ['overview', 'title'], { year: 2001 }],
    ['a lock on ids keeps every id', '<movie><uniqueid type="tmdb">1</uniqueid><uniqueid type="imdb">tt0000001</uniqueid></movie>', item, ['ids'], {}],
    ['a show: title, plot, tvdb id', '<tvshow><title>The Wire</title><plot>Baltimore.</plot><uniqueid type="tvdb">79126</uniqueid></tvshow>', item, [], { title: 'The Wire', sortTitle: 'wire', overview: 'Baltimore.', tvdbId: '79126' }],
    ['a show with only showtitle', '<tvshow><showtitle>The Wire</showtitle></tvshow>', item, [], { title: 'The Wire', sortTitle: 'wire' }],
  ])('%s', (_name, xml, current, locked, expected) => {
    expect(itemPatchFromNfo(nfo(xml), current, new Set(locked))).toEqual(expected);
  });

  it('keeps the sort title in step with a new title', () => {
    expect(itemPatchFromNfo(nfo('<movie><title>The Thing</title></movie>'), item, none).sortTitle).toBe('thing');
  });
});

describe('episodes', () => {
  const ep: EpisodeFields = { title: null, overview: null, airDate: null };
  const xml = '<episodedetails><title>Pilot</title><plot>It starts.</plot><aired>2002-06-02</aired><season>1</season><episode>1</episode></episodedetails>';

  it('applies title, plot and air date', () => {
    expect(episodePatchFromNfo(nfo(xml), ep, none)).toEqual({ title: 'Pilot', overview: 'It starts.', airDate: '2002-06-02' });
  });
  it('leaves locked fields (API names) alone', () => {
    expect(episodePatchFromNfo(nfo(xml), ep, new Set(['air_date', 'title']))).toEqual({ overview: 'It starts.' });
  });

  it.each<[string, string, number, number, number, boolean]>([
    ['same season and episode', '<season>1</season><episode>2</episode>', 1, 2, 1, true],
    ['another episode of a multi-episode file', '<season>1</season><episode>2</episode>', 1, 3, 2, false],
    ['another season', '<season>2</season><episode>2</episode>', 1, 2, 1, false],
    ['no numbers, one episode in the file', '', 1, 2, 1, true],
    ['no numbers, several episodes in the file', '', 1, 2, 2, false],
  ])('nfoMatchesEpisode: %s', (_name, numbers, season, number, inFile, expected) => {
    expect(nfoMatchesEpisode(nfo(`<episodedetails><title>T</title>${numbers}</episodedetails>`), season, number, inFile)).toBe(expected);
  });
});

describe('container tags', () => {
  const tags = (over: Partial<MediaTags>): MediaTags => ({
    title: null, date: null, year: null, show: null, seasonNumber: null, episodeSort: null, episodeId: null, genre: null, comment: null, description: null,
    ...over,
  });

  it.each<[string | null, string | null]>([
    ['Heat', 'Heat'],
    ['  Birthday   party 2019 ', 'Birthday party 2019'],
    ['Heat.1995.1080p.BluRay.x264-GRP', null],
    ['Heat 1995 1080p', null],
    ['www.example.com', null],
    ['Visit example.net for more', null],
    ['Untitled', null],
    ['Track 3', null],
    ['12345', null],
    ['heat.part.one', null],
    ['', null],
    [null, null],
  ])('sensibleTagTitle(%j)', (title, expected) => {
    expect(sensibleTagTitle(title, 'Heat (1995).mkv')).toBe(expected);
  });

  it('a dotted file name repeated in the tag is not a title', () => {
    expect(sensibleTagTitle('my_holiday.clip', 'my_holiday.clip.mp4')).toBeNull();
  });

  it('a movie takes a sensible title, and year/description only when it has none', () => {
    const current = { ...item, year: null };
    expect(itemPatchFromTags(tags({ title: 'Heat', year: 1995, description: 'A heist.' }), 'movie', 'heat.mkv', current, none)).toEqual({ year: 1995, overview: 'A heist.' });
    expect(itemPatchFromTags(tags({ year: 1995, description: 'New.' }), 'movie', 'heat.mkv', { ...item, overview: 'Old.' }, none)).toEqual({});
  });
  it('a video takes its title tag unless the title is locked', () => {
    const current = { ...item, title: 'VID_0001', year: null };
    expect(itemPatchFromTags(tags({ title: 'Beach day' }), 'video', 'VID_0001.mp4', current, none)).toMatchObject({ title: 'Beach day', sortTitle: 'beach day' });
    expect(itemPatchFromTags(tags({ title: 'Beach day' }), 'video', 'VID_0001.mp4', current, new Set(['title']))).toEqual({});
  });
  it('a show takes nothing from one episode’s tags', () => {
    expect(itemPatchFromTags(tags({ title: 'Pilot', year: 2002 }), 'show', 'x.mkv', { ...item, year: null }, none)).toEqual({});
  });
});

describe('locked fields', () => {
  it.each<[string, string[]]>([
    ['["title","year"]', ['title', 'year']],
    ['[]', []],
    ['not json', []],
    ['{"title":true}', []],
    ['["title",3]', ['title']],
  ])('parseLockedFields(%s)', (json, expected) => {
    expect([...parseLockedFields(json)]).toEqual(expected);
  });
  it.each<[string[], string, boolean]>([
    [['poster'], 'posterPath', true],
    [['poster_path'], 'posterPath', true],
    [['air_date'], 'airDate', true],
    [['ids'], 'imdbId', true],
    [['title'], 'overview', false],
  ])('isLocked(%j, %s)', (locked, field, expected) => {
    expect(isLocked(new Set(locked), field)).toBe(expected);
  });
});
