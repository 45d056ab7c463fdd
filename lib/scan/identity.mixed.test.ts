// A mixed library sorts each file by its name and folders: SxxEyy, season folders and dated episodes
// are a show's, everything else a movie. The same file in a movies or TV library goes where told.
import { describe, expect, it } from 'vitest';
import { identifyPath, parseHint, type Identity, type LibraryType } from './identity';

type Expected = { kind: 'movie'; title: string; year?: number } | { kind: 'show'; title: string; season: number; episodes: number[] } | { kind: 'unrecognized' };

function summary(identity: Identity): Expected {
  switch (identity.kind) {
    case 'movie':
      return identity.year === null ? { kind: 'movie', title: identity.title } : { kind: 'movie', title: identity.title, year: identity.year };
    case 'show':
      return { kind: 'show', title: identity.title, season: identity.season, episodes: identity.episodes };
    case 'unrecognized':
      return { kind: 'unrecognized' };
    default:
      throw new Error(`unexpected ${identity.kind}`);
  }
}

describe('identifyPath in a mixed library', () => {
  it.each<[string, Expected]>([
    // The generated sample media, added whole.
    ['Movies/Big Test Pattern (2024)/Big Test Pattern (2024).mp4', { kind: 'movie', title: 'Big Test Pattern', year: 2024 }],
    ['TV/Test Card Show/Season 01/Test Card Show - S01E01.mkv', { kind: 'show', title: 'Test Card Show', season: 1, episodes: [1] }],
    ['TV/Test Card Show/Season 02/Test Card Show - S02E02.mkv', { kind: 'show', title: 'Test Card Show', season: 2, episodes: [2] }],
    // Release names.
    ['The.Matrix.1999.1080p.BluRay.x264-GRP.mkv', { kind: 'movie', title: 'The Matrix', year: 1999 }],
    ['Heat (1995)/Heat (1995).mkv', { kind: 'movie', title: 'Heat', year: 1995 }],
    ['Breaking.Bad.S05E14.720p.HDTV.x264.mkv', { kind: 'show', title: 'Breaking Bad', season: 5, episodes: [14] }],
    ['Doctor Who (2005)/Doctor.Who.2005.1x03.The.Unquiet.Dead.avi', { kind: 'show', title: 'Doctor Who', season: 1, episodes: [3] }],
    ['Show/Show.S01E01-E03.mkv', { kind: 'show', title: 'Show', season: 1, episodes: [1, 2, 3] }],
    // A season folder makes an episode of a file with only a number.
    ['Firefly/Season 1/03 - Bushwhacked.mkv', { kind: 'show', title: 'Firefly', season: 1, episodes: [3] }],
    // An obfuscated file inside its release folder.
    ['Show.Name.S02E05.720p-GRP/160725_02.mkv', { kind: 'show', title: 'Show Name', season: 2, episodes: [5] }],
    // A daily show.
    ['The Daily Show/The.Daily.Show.2024.03.05.mkv', { kind: 'show', title: 'The Daily Show', season: 2024, episodes: [305] }],
    // A number in a movie title is not an episode.
    ['2001 A Space Odyssey (1968).mkv', { kind: 'movie', title: '2001 A Space Odyssey', year: 1968 }],
    // Extras stay out, whatever the type.
    ['Heat (1995)/Heat (1995)-trailer.mkv', { kind: 'unrecognized' }],
  ])('%s', (path, expected) => {
    expect(summary(identifyPath(path, 'mixed'))).toEqual(expected);
  });

  it('keys items as a movies or TV library would, so changing the type to mixed keeps them', () => {
    const movie = 'Heat (1995)/Heat (1995).mkv';
    const episode = 'Firefly/Season 1/Firefly - S01E03.mkv';
    expect(identifyPath(movie, 'mixed')).toMatchObject({ key: (identifyPath(movie, 'movies') as { key: string }).key });
    expect(identifyPath(episode, 'mixed')).toMatchObject({ key: (identifyPath(episode, 'tv') as { key: string }).key });
  });
});

describe('the library type decides when it is not mixed', () => {
  it.each<[LibraryType, string, Expected['kind'] | 'video']>([
    ['movies', 'TV/Test Card Show/Season 01/Test Card Show - S01E01.mkv', 'movie'],
    ['tv', 'TV/Test Card Show/Season 01/Test Card Show - S01E01.mkv', 'show'],
    ['tv', 'Heat (1995)/Heat (1995).mkv', 'unrecognized'],
    ['videos', 'Breaking.Bad.S05E14.mkv', 'video'],
  ])('%s: %s', (type, path, kind) => {
    expect(identifyPath(path, type).kind).toBe(kind);
  });

  it.each<[LibraryType, string | undefined]>([
    ['movies', 'movies'],
    ['tv', 'tv'],
    ['videos', 'videos'],
    ['mixed', undefined],
  ])('the parser hint of %s is %s', (type, hint) => {
    expect(parseHint(type)).toBe(hint);
  });
});
