// The TheTVDB v4 reads the proxy serves, as data: path pattern, how long an answer stays fresh
// (static records a day, lists and searches an hour), which record an answer belongs to (so the
// updates feed can expire it) and which query parameters reach TheTVDB (the rest are dropped, so
// equal requests share one cache entry).

export type Freshness = 'static' | 'dynamic';
export type RecordType = 'series' | 'episodes' | 'movies' | 'people';

type RouteRule = { pattern: RegExp; freshness: Freshness; record: RecordType | null; query: string[] };

const SEASON_TYPES = 'default|official|dvd|absolute|alternate|regional';

const RULES: RouteRule[] = [
  { pattern: /^\/series$/, freshness: 'dynamic', record: null, query: ['page'] },
  { pattern: /^\/series\/(\d+)$/, freshness: 'static', record: 'series', query: [] },
  { pattern: /^\/series\/(\d+)\/extended$/, freshness: 'static', record: 'series', query: ['meta', 'short'] },
  { pattern: new RegExp(`^/series/(\\d+)/episodes/(?:${SEASON_TYPES})$`), freshness: 'dynamic', record: 'series', query: ['page', 'season', 'episodeNumber', 'airDate'] },
  { pattern: /^\/episodes\/(\d+)$/, freshness: 'static', record: 'episodes', query: [] },
  { pattern: /^\/episodes\/(\d+)\/extended$/, freshness: 'static', record: 'episodes', query: ['meta'] },
  { pattern: /^\/movies\/(\d+)$/, freshness: 'static', record: 'movies', query: [] },
  { pattern: /^\/movies\/(\d+)\/extended$/, freshness: 'static', record: 'movies', query: ['meta', 'short'] },
  { pattern: /^\/people\/(\d+)$/, freshness: 'static', record: 'people', query: [] },
  { pattern: /^\/people\/(\d+)\/extended$/, freshness: 'static', record: 'people', query: ['meta'] },
  {
    pattern: /^\/search$/,
    freshness: 'dynamic',
    record: null,
    query: ['query', 'q', 'type', 'year', 'company', 'country', 'director', 'language', 'primaryType', 'network', 'remote_id', 'offset', 'limit'],
  },
  { pattern: /^\/updates$/, freshness: 'dynamic', record: null, query: ['since', 'type', 'action', 'page'] },
];

export type ProxyRoute = {
  /** The normalised path and query sent upstream, and the cache key. */
  key: string;
  freshness: Freshness;
  recordType: RecordType | null;
  recordId: number | null;
};

/** Search's per-type paths, and the `type` each one means in /search (TheTVDB's own values). */
const SEARCH_TYPES: Record<string, string | null> = { series: 'series', movies: 'movie', people: 'person', all: null };

/**
 * The other forms clients of TheTVDB proxies use, as the one upstream request each means (so both
 * forms share one cache entry and answer the same bytes): `?extended=true` is `/extended`,
 * `/series/:id/episodes` is the default season type, `/search/{series,movies,people,all}?q=` is
 * `/search?query=&type=`.
 */
function canonical(path: string, params: URLSearchParams): string {
  const extended = params.get('extended');
  if (extended === 'true' || extended === '1') {
    params.delete('extended');
    if (/^\/(series|movies|episodes|people)\/\d+$/.test(path)) return `${path}/extended`;
  }
  if (/^\/series\/\d+\/episodes$/.test(path)) return `${path}/default`;
  const search = /^\/search\/(\w+)$/.exec(path);
  if (search && search[1] in SEARCH_TYPES) {
    const type = SEARCH_TYPES[search[1]];
    const query = params.get('query') || params.get('q');
    params.delete('q');
    if (query) params.set('query', query);
    if (type) params.set('type', type);
    else params.delete('type');
    return '/search';
  }
  return path;
}

/** Resolves a path below /tvdb/v4 (e.g. "/series/1/extended?meta=episodes"), or null when we do not serve it. */
export function resolveProxyRoute(pathAndQuery: string): ProxyRoute | null {
  const url = new URL(pathAndQuery, 'http://x');
  const path = canonical(url.pathname.replace(/\/+$/, '') || '/', url.searchParams);
  for (const rule of RULES) {
    const m = rule.pattern.exec(path);
    if (!m) continue;
    const params = rule.query
      .map((name) => [name, url.searchParams.get(name)] as const)
      .filter((p): p is readonly [string, string] => p[1] !== null && p[1] !== '')
      .sort(([a], [b]) => a.localeCompare(b));
    const query = new URLSearchParams(params.map(([k, v]) => [k, v])).toString();
    return { key: query ? `${path}?${query}` : path, freshness: rule.freshness, recordType: rule.record, recordId: rule.record && m[1] ? Number(m[1]) : null };
  }
  return null;
}
