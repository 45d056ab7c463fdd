import { describe, expect, it } from 'vitest';
import { browseApiQuery, browseSearch, DEFAULT_FILTERS, isFiltered, parseBrowseParams, type BrowseFilters } from './browse-params';

describe('parseBrowseParams', () => {
  it.each<[string, Record<string, string | string[] | undefined> | URLSearchParams, Partial<BrowseFilters>]>([
    ['nothing: the defaults', {}, {}],
    ['every filter', new URLSearchParams('sort=year&watched=in_progress&genre=Drama&year=1999&q=matrix'), { sort: 'year', watched: 'in_progress', genre: 'Drama', year: 1999, q: 'matrix' }],
    ['an unknown sort and watched state fall back', { sort: 'popularity', watched: 'maybe' }, {}],
    ['rating is a sort', { sort: 'rating' }, { sort: 'rating' }],
    ['a year that is not one is ignored', { year: '19x9' }, {}],
    ['a year out of range is ignored', { year: '99999' }, {}],
    ['a repeated key takes the first', { genre: ['Crime', 'Drama'] }, { genre: 'Crime' }],
    ['a genre is trimmed', { genre: '  Drama ' }, { genre: 'Drama' }],
    ['the search keeps what was typed (spaces too)', { q: 'the ' }, { q: 'the ' }],
  ])('%s', (_name, params, expected) => {
    expect(parseBrowseParams(params)).toEqual({ ...DEFAULT_FILTERS, ...expected });
  });
});

describe('browseSearch and browseApiQuery', () => {
  it('leave defaults out of the address, and round-trip', () => {
    expect(browseSearch(DEFAULT_FILTERS)).toBe('');
    const f: BrowseFilters = { sort: 'added', watched: 'unwatched', genre: 'Sci-Fi & Fantasy', year: 2022, q: ' andor ' };
    const search = browseSearch(f);
    expect(search).toBe('?q=andor&sort=added&watched=unwatched&genre=Sci-Fi+%26+Fantasy&year=2022');
    expect(parseBrowseParams(new URLSearchParams(search))).toEqual({ ...f, q: 'andor' });
  });

  it('ask the API for the kind, the sort and only the filters that are set', () => {
    expect(browseApiQuery('show', DEFAULT_FILTERS).toString()).toBe('kind=show&sort=title&page_size=200');
    expect(Object.fromEntries(browseApiQuery('movie', { sort: 'year', watched: 'watched', genre: 'Drama', year: 1999, q: 'x' }))).toEqual({
      kind: 'movie', sort: 'year', page_size: '200', watched: 'watched', genre: 'Drama', year: '1999', q: 'x',
    });
  });

  it('say whether anything narrows the list (sorting does not)', () => {
    expect(isFiltered({ ...DEFAULT_FILTERS, sort: 'year' })).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTERS, q: '  ' })).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTERS, year: 2001 })).toBe(true);
  });
});
