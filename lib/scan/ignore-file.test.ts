import { describe, expect, it } from 'vitest';
import { compileIgnore } from './ignore-file';

describe('compileIgnore', () => {
  it.each([
    ['', 'anything/at/all.mkv', true],
    ['# only a comment\n', 'x.mkv', true],
    ['*.nfo', 'Movie/movie.nfo', true],
    ['*.nfo', 'Movie/movie.mkv', false],
    ['Extras', 'Show/Extras/clip.mkv', true],
    ['Extras', 'Show/Season 1/e1.mkv', false],
    ['Season 1/*', 'Season 1/e1.mkv', true],
    ['Season 1/*', 'Show/Season 1/e1.mkv', false],
    ['**/sample*', 'a/b/sample-x.mkv', true],
    ['/Private', 'Private/home.mp4', true],
    ['/Private', 'Other/home.mp4', false],
    ['ep?.mkv', 'ep1.mkv', true],
    ['ep?.mkv', 'ep10.mkv', false],
  ])('%j ignores %s: %s', (text, path, ignored) => {
    expect(compileIgnore(text)(path)).toBe(ignored);
  });
});
