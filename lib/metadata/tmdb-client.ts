// The client for The Movie Database (TMDB) API v3 (developer.themoviedb.org), used to identify library
// items online and fetch their metadata and artwork. The base URL is configurable (the real one is
// https://api.themoviedb.org/3) so tests can point it at test/fakes/tmdb-server.ts.
//
// Endpoints it uses:
//   GET /search/movie?query=&year=             GET /search/tv?query=&first_air_date_year=
//   GET /search/multi?query=                   GET /find/{external_id}?external_source=imdb_id|tvdb_id
//   GET /movie/{id}?append_to_response=credits,external_ids,images
//   GET /tv/{id}?append_to_response=credits,external_ids,images
//   GET /tv/{id}/season/{season_number}        GET /person/{id}
//   GET /configuration (images.secure_base_url), then images from {secure_base_url}{size}{file_path}
//
// Auth: an API Read Access Token (a JWT, "eyJ…") goes in `Authorization: Bearer`, a v3 API key in the
// `api_key` query parameter. TMDB's own response shapes stay in this file: they are parsed with zod
// and turned into the normalised types exported below. Errors: 404 → null from the detail methods,
// 401 → TmdbError 'invalid_api_key', 429 → wait Retry-After (at most 10 s) and retry twice, then
// TmdbError 'rate_limited'; a failed connection or timeout → TmdbError 'unreachable'. At most eight
// requests are in flight at once per client, so identifying a whole library does not flood TMDB.
// Just over 600 lines: TMDB's raw shapes (zod) sit next to the normalised types they turn into, so
// that nothing of TMDB's own shape leaves this file.
import { z } from 'zod';

// ---- Public types ----

export type TmdbClientOptions = {
  /** A v3 API key, or an API Read Access Token (JWT, starts with "eyJ") sent as a Bearer token. */
  apiKey: string;
  /** API base URL without trailing slash, e.g. https://api.themoviedb.org/3 */
  baseUrl: string;
  /** Image base URL, e.g. https://image.tmdb.org/t/p/ ; when absent it is read once from GET /configuration. */
  imageBaseUrl?: string;
  fetch?: typeof fetch;
  /** The `language` parameter sent with every API call (default 'en-US'). */
  language?: string;
  /** Requests in flight at once (default 8). */
  maxConcurrent?: number;
  /** Give up on one request after this long (default 15 s). */
  timeoutMs?: number;
  /** How to wait before a retry after 429 (tests may replace it). */
  sleep?: (ms: number) => Promise<void>;
};

export type TmdbMediaType = 'movie' | 'show';

export type TmdbSearchResult = {
  id: number;
  type: TmdbMediaType;
  title: string;
  originalTitle: string | null;
  year: number | null;
  overview: string | null;
  posterPath: string | null;
  backdropPath: string | null;
  popularity: number;
  voteCount: number;
};

export type TmdbCastMember = { personId: number; name: string; character: string | null; order: number; profilePath: string | null };
export type TmdbCrewMember = { personId: number; name: string; job: string | null; department: string | null; profilePath: string | null };

export type TmdbMovie = {
  id: number;
  title: string;
  originalTitle: string | null;
  year: number | null;
  overview: string | null;
  tagline: string | null;
  /** Minutes. */
  runtime: number | null;
  genres: string[];
  /** YYYY-MM-DD */
  releaseDate: string | null;
  posterPath: string | null;
  backdropPath: string | null;
  imdbId: string | null;
  tvdbId: number | null;
  /** vote_average (0–10); null while nobody has voted. */
  rating: number | null;
  cast: TmdbCastMember[];
  crew: TmdbCrewMember[];
};

export type TmdbSeasonSummary = {
  number: number;
  name: string | null;
  overview: string | null;
  posterPath: string | null;
  airDate: string | null;
  episodeCount: number | null;
};

export type TmdbShow = {
  id: number;
  title: string;
  originalTitle: string | null;
  year: number | null;
  overview: string | null;
  genres: string[];
  firstAirDate: string | null;
  /** TMDB's status text: 'Returning Series', 'Ended', 'Canceled', 'In Production', … */
  status: string | null;
  posterPath: string | null;
  backdropPath: string | null;
  imdbId: string | null;
  tvdbId: number | null;
  /** vote_average (0–10); null while nobody has voted. */
  rating: number | null;
  seasons: TmdbSeasonSummary[];
  cast: TmdbCastMember[];
  crew: TmdbCrewMember[];
};

export type TmdbEpisode = {
  number: number;
  title: string | null;
  overview: string | null;
  airDate: string | null;
  stillPath: string | null;
  /** Minutes. */
  runtime: number | null;
};

export type TmdbSeason = {
  number: number;
  name: string | null;
  overview: string | null;
  posterPath: string | null;
  airDate: string | null;
  episodes: TmdbEpisode[];
};

export type TmdbPerson = {
  id: number;
  name: string;
  biography: string | null;
  birthday: string | null;
  deathday: string | null;
  placeOfBirth: string | null;
  profilePath: string | null;
  imdbId: string | null;
};

export type TmdbFound = { id: number; title: string; year: number | null };
export type TmdbFindResult = { movies: TmdbFound[]; shows: TmdbFound[] };
export type TmdbExternalSource = 'imdb_id' | 'tvdb_id';

export type TmdbErrorCode = 'invalid_api_key' | 'rate_limited' | 'unreachable' | 'not_found' | 'http_error' | 'bad_response';

export class TmdbError extends Error {
  constructor(
    readonly code: TmdbErrorCode,
    message: string,
    readonly details: { httpStatus?: number; tmdbStatusCode?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'TmdbError';
  }
}

// ---- TMDB response shapes (only the parts we read) ----

const str = z.string().nullish();
const num = z.number().nullish();
const int = z.number().int();

const errorBody = z.object({ success: z.boolean().optional(), status_code: int, status_message: z.string() });

const movieListItem = z.object({
  id: int,
  title: str,
  original_title: str,
  release_date: str,
  overview: str,
  poster_path: str,
  backdrop_path: str,
  popularity: num,
  vote_count: num,
});
const tvListItem = z.object({
  id: int,
  name: str,
  original_name: str,
  first_air_date: str,
  overview: str,
  poster_path: str,
  backdrop_path: str,
  popularity: num,
  vote_count: num,
});
const multiListItem = movieListItem.extend(tvListItem.shape).extend({ media_type: z.string() });

function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ page: int, results: z.array(item), total_pages: int, total_results: int });
}

const genre = z.object({ id: int, name: z.string() });
const castItem = z.object({ id: int, name: z.string(), character: str, order: num, profile_path: str });
const crewItem = z.object({ id: int, name: z.string(), job: str, department: str, profile_path: str });
const credits = z.object({ cast: z.array(castItem).nullish(), crew: z.array(crewItem).nullish() });
const externalIds = z.object({ imdb_id: str, tvdb_id: num });
const imageItem = z.object({ file_path: z.string(), iso_639_1: str, width: num, height: num });
const images = z.object({ posters: z.array(imageItem).nullish(), backdrops: z.array(imageItem).nullish() });

const movieDetails = z.object({
  id: int,
  title: z.string(),
  original_title: str,
  overview: str,
  tagline: str,
  runtime: num,
  genres: z.array(genre).nullish(),
  release_date: str,
  poster_path: str,
  backdrop_path: str,
  imdb_id: str,
  vote_average: num,
  vote_count: num,
  credits: credits.nullish(),
  external_ids: externalIds.nullish(),
  images: images.nullish(),
});

const seasonSummary = z.object({ season_number: int, name: str, overview: str, poster_path: str, air_date: str, episode_count: num });
const tvDetails = z.object({
  id: int,
  name: z.string(),
  original_name: str,
  overview: str,
  genres: z.array(genre).nullish(),
  first_air_date: str,
  status: str,
  poster_path: str,
  backdrop_path: str,
  seasons: z.array(seasonSummary).nullish(),
  vote_average: num,
  vote_count: num,
  credits: credits.nullish(),
  external_ids: externalIds.nullish(),
  images: images.nullish(),
});

const episodeItem = z.object({ episode_number: int, name: str, overview: str, air_date: str, still_path: str, runtime: num });
const seasonDetails = z.object({
  season_number: int,
  name: str,
  overview: str,
  poster_path: str,
  air_date: str,
  episodes: z.array(episodeItem).nullish(),
});

const personDetails = z.object({
  id: int,
  name: z.string(),
  biography: str,
  birthday: str,
  deathday: str,
  place_of_birth: str,
  profile_path: str,
  imdb_id: str,
});

const findResults = z.object({ movie_results: z.array(movieListItem).nullish(), tv_results: z.array(tvListItem).nullish() });
const configuration = z.object({ images: z.object({ secure_base_url: z.string(), base_url: str }) });

// ---- Normalisation helpers ----

/** TMDB sends "" for unknown text and dates; we use null. */
function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function yearOf(date: string | null | undefined): number | null {
  const match = /^(\d{4})-/.exec(date ?? '');
  return match ? Number(match[1]) : null;
}

/** TMDB answers vote_average 0 for a title nobody has voted on: that is no rating, not a bad one. */
function rating(raw: { vote_average?: number | null; vote_count?: number | null }): number | null {
  return raw.vote_count && raw.vote_average !== null && raw.vote_average !== undefined ? raw.vote_average : null;
}

function firstImage(list: z.infer<typeof imageItem>[] | null | undefined): string | null {
  return list?.[0]?.file_path ?? null;
}

function normaliseCredits(raw: z.infer<typeof credits> | null | undefined): { cast: TmdbCastMember[]; crew: TmdbCrewMember[] } {
  const cast = (raw?.cast ?? [])
    .map((c, i) => ({ personId: c.id, name: c.name, character: text(c.character), order: c.order ?? i, profilePath: text(c.profile_path) }))
    .sort((a, b) => a.order - b.order);
  const crew = (raw?.crew ?? []).map((c) => ({
    personId: c.id,
    name: c.name,
    job: text(c.job),
    department: text(c.department),
    profilePath: text(c.profile_path),
  }));
  return { cast, crew };
}

function movieResult(r: z.infer<typeof movieListItem>): TmdbSearchResult {
  return {
    id: r.id,
    type: 'movie',
    title: text(r.title) ?? text(r.original_title) ?? '',
    originalTitle: text(r.original_title),
    year: yearOf(r.release_date),
    overview: text(r.overview),
    posterPath: text(r.poster_path),
    backdropPath: text(r.backdrop_path),
    popularity: r.popularity ?? 0,
    voteCount: r.vote_count ?? 0,
  };
}

function tvResult(r: z.infer<typeof tvListItem>): TmdbSearchResult {
  return {
    id: r.id,
    type: 'show',
    title: text(r.name) ?? text(r.original_name) ?? '',
    originalTitle: text(r.original_name),
    year: yearOf(r.first_air_date),
    overview: text(r.overview),
    posterPath: text(r.poster_path),
    backdropPath: text(r.backdrop_path),
    popularity: r.popularity ?? 0,
    voteCount: r.vote_count ?? 0,
  };
}

/** Milliseconds to wait for a Retry-After value (seconds or an HTTP date), between 0 and 10 s. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  let ms = 1000;
  if (header !== null && /^\s*\d+(\.\d+)?\s*$/.test(header)) ms = Number(header) * 1000;
  else if (header !== null && !Number.isNaN(Date.parse(header))) ms = Date.parse(header) - now;
  return Math.min(Math.max(ms, 0), MAX_RETRY_WAIT_MS);
}

// ---- The client ----

const DEFAULT_LANGUAGE = 'en-US';
const DEFAULT_MAX_CONCURRENT = 8;
const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_RATE_LIMIT_RETRIES = 2;
const MAX_RETRY_WAIT_MS = 10_000;
const APPEND = 'credits,external_ids,images';

type Query = Record<string, string | number | undefined>;
type Answer = { status: number; body: Buffer; retryAfter: string | null };

/** A counting semaphore: at most `max` tasks run at once, the rest wait in order. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.max) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next task
      else this.active--;
    }
  }
}

export class TmdbClient {
  readonly baseUrl: string;
  readonly language: string;
  /** HTTP requests sent (API and images, retries included), for usage figures and tests. */
  requests = 0;
  private readonly bearer: boolean;
  private readonly limit: Semaphore;
  private imageBase: Promise<string> | null = null;

  constructor(private readonly opts: TmdbClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.language = opts.language ?? DEFAULT_LANGUAGE;
    this.bearer = opts.apiKey.startsWith('eyJ');
    this.limit = new Semaphore(Math.max(1, opts.maxConcurrent ?? DEFAULT_MAX_CONCURRENT));
    if (opts.imageBaseUrl) this.imageBase = Promise.resolve(opts.imageBaseUrl);
  }

  // ---- Search ----

  /** GET /search/movie: the first page of matches, optionally only those released in `year`. */
  async searchMovie(query: string, year?: number): Promise<TmdbSearchResult[]> {
    const body = await this.get('/search/movie', { query, year, include_adult: 'false', page: 1 }, pageOf(movieListItem));
    return body.results.map(movieResult);
  }

  /** GET /search/tv: the first page of matches, optionally only those first aired in `year`. */
  async searchTv(query: string, year?: number): Promise<TmdbSearchResult[]> {
    const body = await this.get('/search/tv', { query, first_air_date_year: year, include_adult: 'false', page: 1 }, pageOf(tvListItem));
    return body.results.map(tvResult);
  }

  /** GET /search/multi: movies and shows on the first page (people are left out). */
  async searchMulti(query: string): Promise<TmdbSearchResult[]> {
    const body = await this.get('/search/multi', { query, include_adult: 'false', page: 1 }, pageOf(multiListItem));
    const out: TmdbSearchResult[] = [];
    for (const r of body.results) {
      if (r.media_type === 'movie') out.push(movieResult(r));
      else if (r.media_type === 'tv') out.push(tvResult(r));
    }
    return out;
  }

  // ---- Details ----

  /** GET /movie/{id} with credits, external ids and images; null when TMDB has no such movie. */
  async movie(id: number): Promise<TmdbMovie | null> {
    const raw = await this.getOrNull(`/movie/${id}`, { append_to_response: APPEND, include_image_language: this.imageLanguages() }, movieDetails);
    if (!raw) return null;
    const releaseDate = text(raw.release_date);
    return {
      id: raw.id,
      title: raw.title,
      originalTitle: text(raw.original_title),
      year: yearOf(releaseDate),
      overview: text(raw.overview),
      tagline: text(raw.tagline),
      runtime: raw.runtime || null,
      genres: (raw.genres ?? []).map((g) => g.name),
      releaseDate,
      posterPath: text(raw.poster_path) ?? firstImage(raw.images?.posters),
      backdropPath: text(raw.backdrop_path) ?? firstImage(raw.images?.backdrops),
      imdbId: text(raw.imdb_id) ?? text(raw.external_ids?.imdb_id),
      tvdbId: raw.external_ids?.tvdb_id ?? null,
      rating: rating(raw),
      ...normaliseCredits(raw.credits),
    };
  }

  /** GET /tv/{id} with credits, external ids and images; null when TMDB has no such show. */
  async show(id: number): Promise<TmdbShow | null> {
    const raw = await this.getOrNull(`/tv/${id}`, { append_to_response: APPEND, include_image_language: this.imageLanguages() }, tvDetails);
    if (!raw) return null;
    const firstAirDate = text(raw.first_air_date);
    return {
      id: raw.id,
      title: raw.name,
      originalTitle: text(raw.original_name),
      year: yearOf(firstAirDate),
      overview: text(raw.overview),
      genres: (raw.genres ?? []).map((g) => g.name),
      firstAirDate,
      status: text(raw.status),
      posterPath: text(raw.poster_path) ?? firstImage(raw.images?.posters),
      backdropPath: text(raw.backdrop_path) ?? firstImage(raw.images?.backdrops),
      imdbId: text(raw.external_ids?.imdb_id),
      tvdbId: raw.external_ids?.tvdb_id ?? null,
      rating: rating(raw),
      seasons: (raw.seasons ?? []).map((s) => ({
        number: s.season_number,
        name: text(s.name),
        overview: text(s.overview),
        posterPath: text(s.poster_path),
        airDate: text(s.air_date),
        episodeCount: s.episode_count ?? null,
      })),
      ...normaliseCredits(raw.credits),
    };
  }

  /** GET /tv/{id}/season/{number}; null when the show or the season is unknown. */
  async season(showId: number, number: number): Promise<TmdbSeason | null> {
    const raw = await this.getOrNull(`/tv/${showId}/season/${number}`, {}, seasonDetails);
    if (!raw) return null;
    return {
      number: raw.season_number,
      name: text(raw.name),
      overview: text(raw.overview),
      posterPath: text(raw.poster_path),
      airDate: text(raw.air_date),
      episodes: (raw.episodes ?? [])
        .map((e) => ({
          number: e.episode_number,
          title: text(e.name),
          overview: text(e.overview),
          airDate: text(e.air_date),
          stillPath: text(e.still_path),
          runtime: e.runtime || null,
        }))
        .sort((a, b) => a.number - b.number),
    };
  }

  /** GET /person/{id}; null when unknown. */
  async person(id: number): Promise<TmdbPerson | null> {
    const raw = await this.getOrNull(`/person/${id}`, {}, personDetails);
    if (!raw) return null;
    return {
      id: raw.id,
      name: raw.name,
      biography: text(raw.biography),
      birthday: text(raw.birthday),
      deathday: text(raw.deathday),
      placeOfBirth: text(raw.place_of_birth),
      profilePath: text(raw.profile_path),
      imdbId: text(raw.imdb_id),
    };
  }

  /** GET /find/{id}?external_source=…: the movies and shows TMDB links to an IMDb or TheTVDB id. */
  async findByExternalId(externalId: string, source: TmdbExternalSource): Promise<TmdbFindResult> {
    const raw = await this.getOrNull(`/find/${encodeURIComponent(externalId)}`, { external_source: source }, findResults);
    const found = (r: TmdbSearchResult): TmdbFound => ({ id: r.id, title: r.title, year: r.year });
    return {
      movies: (raw?.movie_results ?? []).map((r) => found(movieResult(r))),
      shows: (raw?.tv_results ?? []).map((r) => found(tvResult(r))),
    };
  }

  // ---- Images ----

  /** The full URL of an image: image base + size ('w500', 'original', …) + file path. */
  async imageUrl(path: string, size = 'original'): Promise<string> {
    const base = (await this.imageBaseUrl()).replace(/\/+$/, '');
    return `${base}/${size}/${path.replace(/^\/+/, '')}`;
  }

  /** Downloads an image; TmdbError 'not_found' when the image server has no such file. */
  async downloadImage(path: string, size = 'original'): Promise<Buffer> {
    const url = await this.imageUrl(path, size);
    const answer = await this.send(url, {}, `image ${size}${path}`);
    if (answer.status === 404) throw new TmdbError('not_found', `TMDB has no image ${size}${path}`, { httpStatus: 404 });
    if (answer.status < 200 || answer.status > 299) {
      throw new TmdbError('http_error', `TMDB image ${size}${path} answered ${answer.status}`, { httpStatus: answer.status });
    }
    return answer.body;
  }

  private imageBaseUrl(): Promise<string> {
    this.imageBase ??= this.get('/configuration', {}, configuration)
      .then((c) => c.images.secure_base_url)
      .catch((err: unknown) => {
        this.imageBase = null; // try again next time
        throw err;
      });
    return this.imageBase;
  }

  /** include_image_language for appended images: the request language and untagged images. */
  private imageLanguages(): string {
    const iso = this.language.split('-')[0]?.toLowerCase();
    return iso ? `${iso},null` : 'null';
  }

  // ---- HTTP ----

  private async get<T extends z.ZodType>(path: string, query: Query, schema: T): Promise<z.infer<T>> {
    const body = await this.getOrNull(path, query, schema);
    if (body === null) throw new TmdbError('not_found', `TMDB answered 404 for ${path}`, { httpStatus: 404, tmdbStatusCode: 34 });
    return body;
  }

  /** GET an API path; null on 404, the body parsed with `schema` on 2xx, TmdbError otherwise. */
  private async getOrNull<T extends z.ZodType>(path: string, query: Query, schema: T): Promise<z.infer<T> | null> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries({ ...query, language: this.language })) {
      if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.bearer) headers.authorization = `Bearer ${this.opts.apiKey}`;
    else url.searchParams.set('api_key', this.opts.apiKey);

    const answer = await this.send(url.toString(), headers, path);
    if (answer.status === 404) return null;
    if (answer.status === 401) {
      const err = parseError(answer.body);
      throw new TmdbError('invalid_api_key', `TMDB rejected the API key: ${err?.status_message ?? 'HTTP 401'}`, {
        httpStatus: 401,
        tmdbStatusCode: err?.status_code,
      });
    }
    if (answer.status < 200 || answer.status > 299) {
      const err = parseError(answer.body);
      throw new TmdbError('http_error', `TMDB answered ${answer.status} for ${path}${err ? `: ${err.status_message}` : ''}`, {
        httpStatus: answer.status,
        tmdbStatusCode: err?.status_code,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(answer.body.toString('utf8'));
    } catch (cause) {
      throw new TmdbError('bad_response', `TMDB sent invalid JSON for ${path}`, { httpStatus: answer.status, cause });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new TmdbError('bad_response', `TMDB's answer for ${path} has an unexpected shape: ${parsed.error.message}`, {
        httpStatus: answer.status,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  /** One GET with the concurrency limit, retried after 429 (waiting outside the limit). */
  private async send(url: string, headers: Record<string, string>, what: string): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      const answer = await this.limit.run(() => this.fetchOnce(url, headers, what));
      if (answer.status !== 429) return answer;
      if (attempt >= MAX_RATE_LIMIT_RETRIES) {
        const err = parseError(answer.body);
        throw new TmdbError('rate_limited', `TMDB is rate limiting us (${what})${err ? `: ${err.status_message}` : ''}`, {
          httpStatus: 429,
          tmdbStatusCode: err?.status_code,
        });
      }
      const wait = retryAfterMs(answer.retryAfter);
      await (this.opts.sleep ?? sleep)(wait);
    }
  }

  private async fetchOnce(url: string, headers: Record<string, string>, what: string): Promise<Answer> {
    this.requests++;
    const doFetch = this.opts.fetch ?? fetch;
    try {
      const res = await doFetch(url, { headers, signal: AbortSignal.timeout(this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) });
      const body = Buffer.from(await res.arrayBuffer());
      return { status: res.status, body, retryAfter: res.headers.get('retry-after') };
    } catch (cause) {
      // The message never includes the URL: it may carry the api_key.
      throw new TmdbError('unreachable', `TMDB is unreachable (${what}): ${(cause as Error).message}`, { cause });
    }
  }
}

function parseError(body: Buffer): z.infer<typeof errorBody> | null {
  try {
    const parsed = errorBody.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
