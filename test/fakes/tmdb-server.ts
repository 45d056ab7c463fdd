// A fake TMDB (The Movie Database) API v3 for tests: a node:http server on 127.0.0.1 whose `url`
// stands in for https://api.themoviedb.org/3 and whose `/t/p/{size}{file_path}` stands in for the
// image CDN (https://image.tmdb.org/t/p/). It answers the routes lib/metadata/tmdb-client.ts uses the
// way developer.themoviedb.org documents them:
// - auth by `api_key` query parameter or `Authorization: Bearer <API Read Access Token>`; a bad or
//   missing key gets 401 `{"success":false,"status_code":7,"status_message":"Invalid API key: …"}`;
// - unknown ids and paths get 404 with status_code 34, a bad `page` 400 with status_code 22, and
//   `rateLimitNext(n)` makes the next n API calls 429 with status_code 25 and a Retry-After header;
// - searches return `{page, results, total_pages, total_results}` pages of 20, match query words
//   case-insensitively, and honour `year`/`primary_release_year` (movies) and
//   `first_air_date_year`/`year` (tv); /search/multi mixes movies, tv and people by `media_type`;
// - details honour `append_to_response` (credits, external_ids, images) and `include_image_language`;
// - GET /configuration gives `images.secure_base_url` and the documented size lists, and images are
//   real JPEGs made with sharp from a solid colour (generated on first request, then cached).
// The dataset is ours (tmdb-seed.ts). This file is near 700 lines: one handler per documented route,
// the search scoring and the image maker; it is one fake API, read top to bottom.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import {
  FAKE_TMDB_CONFIG_SIZES,
  FAKE_TMDB_IMAGE_SIZES,
  seedTmdbData,
  type FakeCastCredit,
  type FakeCrewCredit,
  type FakeImageKind,
  type FakeTmdbData,
  type FakeTmdbEpisode,
  type FakeTmdbMovie,
  type FakeTmdbPerson,
  type FakeTmdbSeason,
  type FakeTmdbShow,
} from './tmdb-seed';

export * from './tmdb-seed';

export const FAKE_TMDB_API_KEY = 'fake-tmdb-key';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A fixed v4 "API Read Access Token" (a JWT, so it starts with "eyJ") the fake accepts as Bearer. */
export const FAKE_TMDB_READ_TOKEN = [
  base64url({ alg: 'HS256' }),
  base64url({ aud: FAKE_TMDB_API_KEY, nbf: 1_700_000_000, sub: 'fake-tmdb-user', scopes: ['api_read'], version: 1 }),
  createHash('sha256').update('fake-tmdb-signature').digest('base64url'),
].join('.');

export interface FakeTmdbOptions {
  /** The v3 api key accepted as `api_key` (default 'fake-tmdb-key'). */
  apiKey?: string;
  /** The read access token accepted as Bearer (default FAKE_TMDB_READ_TOKEN). */
  readAccessToken?: string;
  /** Wait this long before answering every request (default 0). */
  delayMs?: number;
  /** Retry-After seconds on 429 answers (default 1). */
  retryAfterSeconds?: number;
  /** A dataset to serve instead of a fresh seedTmdbData(). */
  data?: FakeTmdbData;
}

export interface FakeTmdbCalls {
  /** Every request received (API and images), whatever it was answered. */
  total: number;
  /** By route pattern without the /3 prefix, e.g. '/movie/:id', '/t/p/:size/:file'; others under '(unmatched)'. */
  byRoute: Map<string, number>;
  /** API requests by how they authenticated. */
  auth: { apiKey: number; bearer: number; none: number };
  /** Requests being answered right now, and the most at once so far. */
  inFlight: number;
  maxInFlight: number;
}

export interface FakeTmdb {
  /** API base URL, like https://api.themoviedb.org/3 (no trailing slash). */
  url: string;
  /** Image base URL, like https://image.tmdb.org/t/p/ (what /configuration gives as secure_base_url). */
  imageBaseUrl: string;
  apiKey: string;
  readAccessToken: string;
  calls: FakeTmdbCalls;
  /** The served dataset; tests may change it. */
  data: FakeTmdbData;
  /** The next n API requests get 429 with Retry-After (images are not limited, like TMDB's CDN). */
  rateLimitNext(n: number): void;
  setDelay(ms: number): void;
  resetCalls(): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
interface Ctx {
  params: Record<string, string>;
  query: URLSearchParams;
}
interface SearchHit {
  item: object;
  score: number;
  popularity: number;
}
interface Route {
  pattern: string;
  regex: RegExp;
  names: string[];
  handle(ctx: Ctx): Reply;
}

const PAGE_SIZE = 20;
const STOP_WORDS = new Set(['the', 'a', 'an', 'and', 'of']);

const ok = (body: unknown): Reply => ({ status: 200, body });
const tmdbError = (status: number, code: number, message: string, headers?: Record<string, string>): Reply => ({
  status,
  body: { success: false, status_code: code, status_message: message },
  headers,
});
const notFound = () => tmdbError(404, 34, 'The resource you requested could not be found.');
const invalidKey = () => tmdbError(401, 7, 'Invalid API key: You must be granted a valid key.');

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP_WORDS.has(w));
}

/** How many of the query's words one of `names` contains (0: no match). */
function matchScore(query: string, names: string[]): number {
  const wanted = words(query);
  let best = 0;
  for (const name of names) {
    const have = new Set(words(name));
    best = Math.max(best, wanted.filter((w) => have.has(w)).length);
  }
  return best;
}

const yearOf = (date: string | null | undefined) => (date ? Number(date.slice(0, 4)) : null);
function yearParam(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name);
  return raw !== null && /^\d{4}$/.test(raw) ? Number(raw) : null;
}
function hex(label: string, length = 24): string {
  return createHash('sha1').update(label).digest('hex').slice(0, length);
}
function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The pixel size served for an image of `kind` at `size` ('original', 'w500', 'h632'); never upscaled. */
export function fakeImageDimensions(kind: FakeImageKind, size: string): { width: number; height: number } {
  const full = FAKE_TMDB_IMAGE_SIZES[kind];
  const m = /^([wh])(\d+)$/.exec(size);
  if (!m) return { ...full };
  const n = Number(m[2]);
  if (m[1] === 'w') {
    const width = Math.min(n, full.width);
    return { width, height: Math.round((full.height * width) / full.width) };
  }
  const height = Math.min(n, full.height);
  return { width: Math.round((full.width * height) / full.height), height };
}

export async function startFakeTmdb(opts: FakeTmdbOptions = {}): Promise<FakeTmdb> {
  const apiKey = opts.apiKey ?? FAKE_TMDB_API_KEY;
  const readAccessToken = opts.readAccessToken ?? FAKE_TMDB_READ_TOKEN;
  const retryAfter = String(opts.retryAfterSeconds ?? 1);
  const data = opts.data ?? seedTmdbData();
  const calls: FakeTmdbCalls = { total: 0, byRoute: new Map(), auth: { apiKey: 0, bearer: 0, none: 0 }, inFlight: 0, maxInFlight: 0 };
  const jpegs = new Map<string, Promise<Buffer>>();
  const validSizes = new Set<string>(Object.values(FAKE_TMDB_CONFIG_SIZES).flat());
  let delayMs = opts.delayMs ?? 0;
  let rateLimited = 0;
  let origin = '';

  const person = (id: number): FakeTmdbPerson => {
    const p = data.people.get(id);
    if (!p) throw new Error(`fake tmdb: credit for unknown person ${id}`);
    return p;
  };

  // -- documented JSON shapes --

  function movieListJson(m: FakeTmdbMovie) {
    return {
      adult: false,
      backdrop_path: m.backdropPath,
      genre_ids: m.genres.map((g) => g.id),
      id: m.id,
      original_language: m.originalLanguage,
      original_title: m.originalTitle,
      overview: m.overview,
      popularity: m.popularity,
      poster_path: m.posterPath,
      release_date: m.releaseDate,
      title: m.title,
      video: false,
      vote_average: m.voteAverage,
      vote_count: m.voteCount,
    };
  }

  function tvListJson(s: FakeTmdbShow) {
    return {
      adult: false,
      backdrop_path: s.backdropPath,
      genre_ids: s.genres.map((g) => g.id),
      id: s.id,
      origin_country: ['GB'],
      original_language: s.originalLanguage,
      original_name: s.originalName,
      overview: s.overview,
      popularity: s.popularity,
      poster_path: s.posterPath,
      first_air_date: s.firstAirDate,
      name: s.name,
      vote_average: s.voteAverage,
      vote_count: s.voteCount,
    };
  }

  function personListJson(p: FakeTmdbPerson) {
    return {
      adult: false,
      gender: p.gender,
      id: p.id,
      known_for_department: p.knownForDepartment,
      name: p.name,
      original_name: p.name,
      popularity: p.popularity,
      profile_path: p.profilePath,
      known_for: [],
    };
  }

  function creditPerson(p: FakeTmdbPerson) {
    return {
      adult: false,
      gender: p.gender,
      id: p.id,
      known_for_department: p.knownForDepartment,
      name: p.name,
      original_name: p.name,
      popularity: p.popularity,
      profile_path: p.profilePath,
    };
  }

  function creditsJson(owner: string, cast: FakeCastCredit[], crew: FakeCrewCredit[], withCastId: boolean) {
    return {
      cast: cast.map((c, order) => ({
        ...creditPerson(person(c.personId)),
        ...(withCastId ? { cast_id: order + 1 } : {}),
        character: c.character,
        credit_id: hex(`${owner}-cast-${c.personId}-${order}`),
        order,
      })),
      crew: crew.map((c) => ({
        ...creditPerson(person(c.personId)),
        credit_id: hex(`${owner}-crew-${c.personId}-${c.job}`),
        department: c.department,
        job: c.job,
      })),
    };
  }

  /** `images` as appended: posters carry a language, backdrops none; filtered by include_image_language. */
  function imagesJson(posterPath: string | null, backdropPath: string | null, query: URLSearchParams) {
    const image = (path: string, kind: FakeImageKind, iso: string | null) => {
      const { width, height } = FAKE_TMDB_IMAGE_SIZES[kind];
      return { aspect_ratio: Number((width / height).toFixed(3)), height, iso_639_1: iso, file_path: path, vote_average: 5.3, vote_count: 4, width };
    };
    const include = query.get('include_image_language');
    const language = query.get('language')?.split('-')[0];
    const allowed = include ? include.split(',').map((s) => s.trim()) : language ? [language] : null;
    const keep = (img: { iso_639_1: string | null }) => !allowed || allowed.includes(img.iso_639_1 ?? 'null');
    return {
      backdrops: (backdropPath ? [image(backdropPath, 'backdrop', null)] : []).filter(keep),
      logos: [],
      posters: (posterPath ? [image(posterPath, 'poster', 'en')] : []).filter(keep),
    };
  }

  function appendSet(query: URLSearchParams): Set<string> {
    return new Set((query.get('append_to_response') ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  }

  function movieJson(m: FakeTmdbMovie, query: URLSearchParams) {
    const out: Record<string, unknown> = {
      adult: false,
      backdrop_path: m.backdropPath,
      belongs_to_collection: null,
      budget: 0,
      genres: m.genres,
      homepage: '',
      id: m.id,
      imdb_id: m.imdbId,
      origin_country: [m.originalLanguage === 'fr' ? 'FR' : 'GB'],
      original_language: m.originalLanguage,
      original_title: m.originalTitle,
      overview: m.overview,
      popularity: m.popularity,
      poster_path: m.posterPath,
      production_companies: [],
      production_countries: [],
      release_date: m.releaseDate,
      revenue: 0,
      runtime: m.runtime,
      spoken_languages: [{ english_name: 'English', iso_639_1: 'en', name: 'English' }],
      status: 'Released',
      tagline: m.tagline,
      title: m.title,
      video: false,
      vote_average: m.voteAverage,
      vote_count: m.voteCount,
    };
    const append = appendSet(query);
    if (append.has('credits')) out.credits = creditsJson(`movie-${m.id}`, m.cast, m.crew, true);
    if (append.has('external_ids')) {
      out.external_ids = { imdb_id: m.imdbId, wikidata_id: null, facebook_id: null, instagram_id: null, twitter_id: null };
    }
    if (append.has('images')) out.images = imagesJson(m.posterPath, m.backdropPath, query);
    return out;
  }

  function episodeJson(s: FakeTmdbShow, season: FakeTmdbSeason, e: FakeTmdbEpisode) {
    return {
      air_date: e.airDate,
      episode_number: e.number,
      episode_type: e.number === season.episodes.length ? 'finale' : 'standard',
      id: e.id,
      name: e.name,
      overview: e.overview,
      production_code: '',
      runtime: e.runtime,
      season_number: season.number,
      show_id: s.id,
      still_path: e.stillPath,
      vote_average: 0,
      vote_count: 0,
    };
  }

  function showJson(s: FakeTmdbShow, query: URLSearchParams) {
    const aired = s.seasons.flatMap((season) => season.episodes.map((e) => ({ season, e }))).sort((a, b) => a.e.airDate.localeCompare(b.e.airDate));
    const last = aired.at(-1);
    const out: Record<string, unknown> = {
      adult: false,
      backdrop_path: s.backdropPath,
      created_by: [],
      episode_run_time: [24],
      first_air_date: s.firstAirDate,
      genres: s.genres,
      homepage: '',
      id: s.id,
      in_production: s.status === 'Returning Series',
      languages: [s.originalLanguage],
      last_air_date: last?.e.airDate ?? null,
      last_episode_to_air: last ? episodeJson(s, last.season, last.e) : null,
      name: s.name,
      next_episode_to_air: null,
      networks: [{ id: 9001, logo_path: null, name: s.network, origin_country: 'GB' }],
      number_of_episodes: aired.length,
      number_of_seasons: s.seasons.filter((x) => x.number > 0).length,
      origin_country: ['GB'],
      original_language: s.originalLanguage,
      original_name: s.originalName,
      overview: s.overview,
      popularity: s.popularity,
      poster_path: s.posterPath,
      production_companies: [],
      production_countries: [],
      seasons: s.seasons.map((season) => ({
        air_date: season.airDate,
        episode_count: season.episodes.length,
        id: season.id,
        name: season.name,
        overview: season.overview,
        poster_path: season.posterPath,
        season_number: season.number,
        vote_average: 0,
      })),
      spoken_languages: [{ english_name: 'English', iso_639_1: 'en', name: 'English' }],
      status: s.status,
      tagline: s.tagline,
      type: 'Scripted',
      vote_average: s.voteAverage,
      vote_count: s.voteCount,
    };
    const append = appendSet(query);
    if (append.has('credits')) out.credits = creditsJson(`tv-${s.id}`, s.cast, s.crew, false);
    if (append.has('external_ids')) {
      out.external_ids = {
        imdb_id: s.imdbId,
        freebase_mid: null,
        freebase_id: null,
        tvdb_id: s.tvdbId,
        tvrage_id: null,
        wikidata_id: null,
        facebook_id: null,
        instagram_id: null,
        twitter_id: null,
      };
    }
    if (append.has('images')) out.images = imagesJson(s.posterPath, s.backdropPath, query);
    return out;
  }

  function personJson(p: FakeTmdbPerson) {
    return {
      adult: false,
      also_known_as: p.alsoKnownAs,
      biography: p.biography,
      birthday: p.birthday,
      deathday: p.deathday,
      gender: p.gender,
      homepage: null,
      id: p.id,
      imdb_id: p.imdbId,
      known_for_department: p.knownForDepartment,
      name: p.name,
      place_of_birth: p.placeOfBirth,
      popularity: p.popularity,
      profile_path: p.profilePath,
    };
  }

  /** One page of a scored search: best word match first, then the most popular. */
  function searchPage(query: URLSearchParams, hits: SearchHit[]): Reply {
    const rawPage = query.get('page') ?? '1';
    if (!/^\d+$/.test(rawPage) || Number(rawPage) < 1 || Number(rawPage) > 500) {
      return tmdbError(400, 22, 'Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.');
    }
    const page = Number(rawPage);
    const sorted = hits.filter((h) => h.score > 0).sort((a, b) => b.score - a.score || b.popularity - a.popularity);
    return ok({
      page,
      results: sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((h) => h.item),
      total_pages: Math.max(1, Math.ceil(sorted.length / PAGE_SIZE)),
      total_results: sorted.length,
    });
  }

  function searchMovies(text: string, query: URLSearchParams) {
    const year = yearParam(query, 'year');
    const primary = yearParam(query, 'primary_release_year');
    return [...data.movies.values()]
      .filter((m) => (year === null || yearOf(m.releaseDate) === year) && (primary === null || yearOf(m.releaseDate) === primary))
      .map((m) => ({ item: movieListJson(m), score: matchScore(text, [m.title, m.originalTitle]), popularity: m.popularity }));
  }

  function searchShows(text: string, query: URLSearchParams) {
    const firstYear = yearParam(query, 'first_air_date_year');
    const anyYear = yearParam(query, 'year'); // the first air date and every episode's air date
    const airedIn = (s: FakeTmdbShow, y: number) =>
      yearOf(s.firstAirDate) === y || s.seasons.some((season) => season.episodes.some((e) => yearOf(e.airDate) === y));
    return [...data.shows.values()]
      .filter((s) => (firstYear === null || yearOf(s.firstAirDate) === firstYear) && (anyYear === null || airedIn(s, anyYear)))
      .map((s) => ({ item: tvListJson(s), score: matchScore(text, [s.name, s.originalName]), popularity: s.popularity }));
  }

  // -- routes (paths under /3) --

  const routes: Route[] = [];
  function route(pattern: string, handle: Route['handle']): void {
    const names: string[] = [];
    const source = pattern.replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    routes.push({ pattern, regex: new RegExp(`^${source}$`), names, handle });
  }
  const numericId = (raw: string | undefined) => (raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : null);

  route('/configuration', () =>
    ok({
      images: { base_url: `${origin}/t/p/`.replace(/^https:/, 'http:'), secure_base_url: `${origin}/t/p/`, ...FAKE_TMDB_CONFIG_SIZES },
      change_keys: ['air_date', 'biography', 'birthday', 'cast', 'crew', 'external_ids', 'genres', 'images', 'name', 'overview', 'release_dates', 'runtime', 'season', 'title'],
    }),
  );

  route('/search/movie', ({ query }) => searchPage(query, searchMovies(query.get('query') ?? '', query)));
  route('/search/tv', ({ query }) => searchPage(query, searchShows(query.get('query') ?? '', query)));
  route('/search/multi', ({ query }) => {
    const text = query.get('query') ?? '';
    const none = new URLSearchParams(); // /search/multi has no year filters
    const tag = (h: SearchHit, mediaType: string): SearchHit => ({ ...h, item: { ...h.item, media_type: mediaType } });
    const people = [...data.people.values()].map((p) => ({ item: personListJson(p), score: matchScore(text, [p.name, ...p.alsoKnownAs]), popularity: p.popularity }));
    return searchPage(query, [
      ...searchMovies(text, none).map((h) => tag(h, 'movie')),
      ...searchShows(text, none).map((h) => tag(h, 'tv')),
      ...people.map((h) => tag(h, 'person')),
    ]);
  });

  route('/movie/:id', ({ params, query }) => {
    const movie = data.movies.get(numericId(params.id) ?? -1);
    return movie ? ok(movieJson(movie, query)) : notFound();
  });
  route('/tv/:id', ({ params, query }) => {
    const show = data.shows.get(numericId(params.id) ?? -1);
    return show ? ok(showJson(show, query)) : notFound();
  });
  route('/tv/:id/season/:season', ({ params }) => {
    const show = data.shows.get(numericId(params.id) ?? -1);
    const season = show?.seasons.find((s) => s.number === numericId(params.season));
    if (!show || !season) return notFound();
    return ok({
      _id: hex(`season-${season.id}`),
      air_date: season.airDate,
      episodes: season.episodes.map((e) => ({ ...episodeJson(show, season, e), crew: [], guest_stars: [] })),
      name: season.name,
      networks: [{ id: 9001, logo_path: null, name: show.network, origin_country: 'GB' }],
      overview: season.overview,
      id: season.id,
      poster_path: season.posterPath,
      season_number: season.number,
      vote_average: 0,
    });
  });
  route('/person/:id', ({ params }) => {
    const p = data.people.get(numericId(params.id) ?? -1);
    return p ? ok(personJson(p)) : notFound();
  });
  route('/find/:externalId', ({ params, query }) => {
    const source = query.get('external_source');
    const known = ['imdb_id', 'tvdb_id', 'freebase_mid', 'freebase_id', 'tvrage_id', 'facebook_id', 'instagram_id', 'twitter_id', 'wikidata_id', 'tiktok_id', 'youtube_id'];
    if (!source || !known.includes(source)) return tmdbError(422, 5, 'Invalid parameters: Your request parameters are incorrect.');
    const id = params.externalId;
    const movies = source === 'imdb_id' ? [...data.movies.values()].filter((m) => m.imdbId === id) : []; // movies: IMDb ids only
    const shows = [...data.shows.values()].filter((s) => (source === 'imdb_id' && s.imdbId === id) || (source === 'tvdb_id' && String(s.tvdbId) === id));
    const people = source === 'imdb_id' ? [...data.people.values()].filter((p) => p.imdbId === id) : [];
    return ok({
      movie_results: movies.map((m) => ({ ...movieListJson(m), media_type: 'movie' })),
      person_results: people.map((p) => ({ ...personListJson(p), media_type: 'person' })),
      tv_results: shows.map((s) => ({ ...tvListJson(s), media_type: 'tv' })),
      tv_episode_results: [],
      tv_season_results: [],
    });
  });

  // -- images --

  function imageKinds(): Map<string, FakeImageKind> {
    const kinds = new Map<string, FakeImageKind>();
    const add = (path: string | null, kind: FakeImageKind) => path && kinds.set(path, kind);
    for (const m of data.movies.values()) {
      add(m.posterPath, 'poster');
      add(m.backdropPath, 'backdrop');
    }
    for (const s of data.shows.values()) {
      add(s.posterPath, 'poster');
      add(s.backdropPath, 'backdrop');
      for (const season of s.seasons) {
        add(season.posterPath, 'poster');
        for (const e of season.episodes) add(e.stillPath, 'still');
      }
    }
    for (const p of data.people.values()) add(p.profilePath, 'profile');
    return kinds;
  }

  function jpeg(file: string, kind: FakeImageKind, size: string): Promise<Buffer> {
    const key = `${size}${file}`;
    let made = jpegs.get(key);
    if (!made) {
      const [r, g, b] = createHash('sha256').update(file).digest();
      const { width, height } = fakeImageDimensions(kind, size);
      made = sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
        .jpeg({ quality: 80 })
        .toBuffer();
      made.catch(() => jpegs.delete(key));
      jpegs.set(key, made);
    }
    return made;
  }

  async function serveImage(size: string, file: string, res: ServerResponse): Promise<void> {
    const kind = imageKinds().get(`/${file}`);
    if (!kind || !validSizes.has(size)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    const body = await jpeg(`/${file}`, kind, size);
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': body.length, 'cache-control': 'public, max-age=31536000' });
    res.end(body);
  }

  // -- dispatch --

  function authOk(req: IncomingMessage, query: URLSearchParams): boolean {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (bearer) {
      calls.auth.bearer += 1;
      return bearer[1] === readAccessToken;
    }
    const key = query.get('api_key');
    if (key !== null) {
      calls.auth.apiKey += 1;
      return key === apiKey;
    }
    calls.auth.none += 1;
    return false;
  }

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = new URL(req.url ?? '/', 'http://fake-tmdb');
    const path = parsed.pathname;
    calls.total += 1;

    const image = /^\/t\/p\/([^/]+)\/([^/]+)$/.exec(path);
    const apiPath = path.startsWith('/3/') ? path.slice(2) : null;
    const hit = apiPath === null ? undefined : routes.map((r) => ({ r, m: r.regex.exec(apiPath) })).find((x) => x.m);
    bump(calls.byRoute, image ? '/t/p/:size/:file' : (hit?.r.pattern ?? '(unmatched)'));

    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, tmdbError(405, 42, 'This request method is not supported for this resource.'));
      return;
    }
    if (image) {
      await serveImage(decodeURIComponent(image[1]), decodeURIComponent(image[2]), res);
      return;
    }
    if (rateLimited > 0) {
      rateLimited -= 1;
      send(res, tmdbError(429, 25, 'Your request count (#) is over the allowed limit of (40).', { 'retry-after': retryAfter }));
      return;
    }
    if (apiPath !== null && !authOk(req, parsed.searchParams)) {
      send(res, invalidKey());
      return;
    }
    if (!hit?.m) {
      send(res, notFound());
      return;
    }
    const m = hit.m;
    const params = Object.fromEntries(hit.r.names.map((name, i) => [name, decodeURIComponent(m[i + 1])]));
    send(res, hit.r.handle({ params, query: parsed.searchParams }));
  }

  function send(res: ServerResponse, reply: Reply): void {
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text), ...reply.headers });
    res.end(text);
  }

  const server = createServer((req, res) => {
    calls.inFlight += 1;
    calls.maxInFlight = Math.max(calls.maxInFlight, calls.inFlight);
    answer(req, res)
      .catch((err: unknown) => {
        if (res.headersSent) return void res.destroy();
        send(res, tmdbError(500, 11, `Internal error: Something went wrong, contact TMDB. (fake tmdb: ${String(err)})`));
      })
      .finally(() => {
        calls.inFlight -= 1;
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/3`,
    imageBaseUrl: `${origin}/t/p/`,
    apiKey,
    readAccessToken,
    calls,
    data,
    rateLimitNext(n) {
      rateLimited = n;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    resetCalls() {
      calls.total = 0;
      calls.byRoute.clear();
      calls.auth = { apiKey: 0, bearer: 0, none: 0 };
      calls.maxInFlight = calls.inFlight;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
