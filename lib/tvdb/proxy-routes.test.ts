import { describe, expect, it } from 'vitest';
import { resolveProxyRoute } from './proxy-routes';

describe('resolveProxyRoute', () => {
  it.each([
    ['/series/81189', { key: '/series/81189', freshness: 'static', recordType: 'series', recordId: 81189 }],
    ['/series/81189/', { key: '/series/81189', freshness: 'static', recordType: 'series', recordId: 81189 }],
    ['/series/81189/extended?short=true&meta=episodes&junk=1', { key: '/series/81189/extended?meta=episodes&short=true', freshness: 'static', recordType: 'series', recordId: 81189 }],
    ['/series/81189/episodes/default?page=1', { key: '/series/81189/episodes/default?page=1', freshness: 'dynamic', recordType: 'series', recordId: 81189 }],
    ['/episodes/349232/extended', { key: '/episodes/349232/extended', freshness: 'static', recordType: 'episodes', recordId: 349232 }],
    ['/movies/12', { key: '/movies/12', freshness: 'static', recordType: 'movies', recordId: 12 }],
    ['/people/7/extended?meta=translations', { key: '/people/7/extended?meta=translations', freshness: 'static', recordType: 'people', recordId: 7 }],
    ['/search?type=series&query=breaking%20bad', { key: '/search?query=breaking+bad&type=series', freshness: 'dynamic', recordType: null, recordId: null }],
    ['/updates?since=1700000000&page=0', { key: '/updates?page=0&since=1700000000', freshness: 'dynamic', recordType: null, recordId: null }],
    ['/series?page=2', { key: '/series?page=2', freshness: 'dynamic', recordType: null, recordId: null }],
    // The other forms, as the one upstream request each means.
    ['/series/81189?extended=true', { key: '/series/81189/extended', freshness: 'static', recordType: 'series', recordId: 81189 }],
    ['/movies/12?extended=true&meta=translations', { key: '/movies/12/extended?meta=translations', freshness: 'static', recordType: 'movies', recordId: 12 }],
    ['/series/81189?extended=false', { key: '/series/81189', freshness: 'static', recordType: 'series', recordId: 81189 }],
    ['/series/81189/episodes?page=1', { key: '/series/81189/episodes/default?page=1', freshness: 'dynamic', recordType: 'series', recordId: 81189 }],
    ['/search/series?q=noon', { key: '/search?query=noon&type=series', freshness: 'dynamic', recordType: null, recordId: null }],
    ['/search/movies?q=noon&type=series', { key: '/search?query=noon&type=movie', freshness: 'dynamic', recordType: null, recordId: null }],
    ['/search/people?q=mara', { key: '/search?query=mara&type=person', freshness: 'dynamic', recordType: null, recordId: null }],
    ['/search/all?q=noon&type=series', { key: '/search?query=noon', freshness: 'dynamic', recordType: null, recordId: null }],
  ])('%s', (path, expected) => {
    expect(resolveProxyRoute(path)).toEqual(expected);
  });

  it.each(['/series/abc', '/series/1/episodes/bogus', '/artwork/1', '/user', '/series/1/../../etc/passwd', '/search/companies?q=x'])('refuses %s', (path) => {
    expect(resolveProxyRoute(path)).toBeNull();
  });
});
