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
  ])('%s', (path, expected) => {
    expect(resolveProxyRoute(path)).toEqual(expected);
  });

  it.each(['/series/abc', '/series/1/episodes/bogus', '/artwork/1', '/user', '/series/1/../../etc/passwd'])('refuses %s', (path) => {
    expect(resolveProxyRoute(path)).toBeNull();
  });
});
