import { describe, expect, it } from 'vitest';
import { commonFolder, isSeasonFolderName, ownEntries, showFolder, titleEntries } from './item-folders';

describe('showFolder', () => {
  const root = '/media/TV';
  it.each<[string, string[], string | null]>([
    ['above the season folders', ['/media/TV/Wire/Season 01/e1.mkv', '/media/TV/Wire/Season 02/e1.mkv'], '/media/TV/Wire'],
    ['above a single season folder', ['/media/TV/Wire/Season 01/e1.mkv', '/media/TV/Wire/Season 01/e2.mkv'], '/media/TV/Wire'],
    ['episodes straight in the show folder', ['/media/TV/Wire/e1.mkv'], '/media/TV/Wire'],
    ['nested season folder names', ['/media/TV/Wire/S01/e1.mkv', '/media/TV/Wire/Specials/e0.mkv'], '/media/TV/Wire'],
    ['a show in a group folder', ['/media/TV/Drama/Wire/Staffel 1/e1.mkv'], '/media/TV/Drama/Wire'],
    ['loose episodes in the library root', ['/media/TV/wire.s01e01.mkv'], null],
    ['a season folder in the root', ['/media/TV/Season 1/e1.mkv'], null],
    ['no files', [], null],
  ])('%s', (_name, files, expected) => {
    expect(showFolder(files, root)).toBe(expected);
  });

  it('commonFolder climbs to the shared parent', () => {
    expect(commonFolder(['/a/b/c/x.mkv', '/a/b/d/y.mkv'])).toBe('/a/b');
    expect(commonFolder(['/a/b/x.mkv'])).toBe('/a/b');
  });

  it.each([
    ['Season 01', true],
    ['season.2', true],
    ['Series 3', true],
    ['S02', true],
    ['Specials', true],
    ['Staffel 4', true],
    ['The Wire', false],
    ['Season of the Witch', false],
  ])('isSeasonFolderName(%j) is %s', (name, expected) => {
    expect(isSeasonFolderName(name)).toBe(expected);
  });
});

describe('titleEntries', () => {
  const opts = { folder: '/media/Movies/Heat (1995)', libraryRoot: '/media/Movies', kind: 'movie' as const };

  it('a movie in a folder of its own sees every entry', () => {
    const entries = ['Heat (1995).mkv', 'poster.jpg', 'movie.nfo'];
    expect(titleEntries(entries, 'Heat (1995).mkv', opts)).toEqual(entries);
  });
  it('stacked parts are still one title', () => {
    const entries = ['Heat cd1.avi', 'Heat cd2.avi', 'poster.jpg'];
    expect(titleEntries(entries, 'Heat cd1.avi', opts)).toEqual(entries);
  });
  it('the library root gives only the file’s own sidecars', () => {
    const entries = ['Heat.mkv', 'Heat.nfo', 'Heat-poster.jpg', 'poster.jpg', 'movie.nfo', 'Heatwave.mkv'];
    expect(titleEntries(entries, 'Heat.mkv', { ...opts, folder: '/media/Movies' })).toEqual(['Heat.mkv', 'Heat.nfo', 'Heat-poster.jpg']);
  });
  it('a folder with other titles’ videos is shared', () => {
    expect(titleEntries(['Heat.mkv', 'Ronin.mkv', 'poster.jpg'], 'Heat.mkv', opts)).toEqual(['Heat.mkv']);
  });
  it('extras beside the movie do not make its folder shared', () => {
    const entries = ['Heat.mkv', 'trailer.mkv', 'sample-heat.mkv', 'poster.jpg'];
    expect(titleEntries(entries, 'Heat.mkv', opts)).toEqual(entries);
  });
  it('a video library’s folders are always shared', () => {
    expect(titleEntries(['clip.mp4', 'folder.jpg', 'clip.jpg'], 'clip.mp4', { ...opts, kind: 'video' })).toEqual(['clip.mp4', 'clip.jpg']);
  });
  it('ownEntries needs a separator after the name', () => {
    expect(ownEntries(['Heat.nfo', 'Heat-fanart.jpg', 'Heatwave.nfo', 'Heat_thumb.jpg'], 'Heat.mkv')).toEqual(['Heat.nfo', 'Heat-fanart.jpg', 'Heat_thumb.jpg']);
  });
});
