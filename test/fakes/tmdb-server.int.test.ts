// The real TmdbClient (lib/metadata/tmdb-client.ts) against the fake TMDB v3 server: searches and year
// filters, normalised details, both auth styles, the documented failure modes (401, 404, 429, no
// connection), the concurrency limit, and images served as real JPEGs.
import { createServer } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TmdbClient, TmdbError, retryAfterMs } from '@/lib/metadata/tmdb-client';
import { FAKE_TMDB_API_KEY, FAKE_TMDB_EXTERNAL_IDS, FAKE_TMDB_IDS, FAKE_TMDB_READ_TOKEN, startFakeTmdb, type FakeTmdb } from './tmdb-server';

const ids = FAKE_TMDB_IDS;
let tmdb: FakeTmdb;

beforeAll(async () => {
  tmdb = await startFakeTmdb();
});
afterAll(async () => {
  await tmdb.close();
});
beforeEach(() => {
  tmdb.rateLimitNext(0);
  tmdb.setDelay(0);
  tmdb.resetCalls();
});

/** A client on the fake; `imageBaseUrl` left out so it reads GET /configuration. */
function client(extra: Partial<ConstructorParameters<typeof TmdbClient>[0]> = {}) {
  return new TmdbClient({ apiKey: FAKE_TMDB_API_KEY, baseUrl: tmdb.url, ...extra });
}

async function tmdbError(promise: Promise<unknown>): Promise<TmdbError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TmdbError);
  return err as TmdbError;
}

describe('search', () => {
  it('finds every movie sharing the title words, and only the right year with `year`', async () => {
    const tmdbClient = client();
    const all = await tmdbClient.searchMovie('Big Test Pattern');
    expect(all.map((r) => r.id).sort()).toEqual([ids.bigTestPattern, ids.bigTestPattern1998, ids.theBigTest, ids.testPatternReturns].sort());
    // The 1998 film is more popular: without a year it comes first, so callers must score by year.
    expect(all[0]).toMatchObject({ id: ids.bigTestPattern1998, title: 'Big Test Pattern', originalTitle: 'La Grande Mire', year: 1998, posterPath: null });

    const in2024 = await tmdbClient.searchMovie('big test pattern', 2024);
    expect(in2024.map((r) => r.id)).toEqual([ids.bigTestPattern, ids.theBigTest]);
    const movie = tmdb.data.movies.get(ids.bigTestPattern)!;
    expect(in2024[0]).toEqual({
      id: ids.bigTestPattern,
      type: 'movie',
      title: 'Big Test Pattern',
      originalTitle: 'Big Test Pattern',
      year: 2024,
      overview: movie.overview,
      posterPath: movie.posterPath,
      backdropPath: movie.backdropPath,
      popularity: movie.popularity,
      voteCount: movie.voteCount,
    });

    expect(await tmdbClient.searchMovie('Big Test Pattern', 2025)).toEqual([expect.objectContaining({ id: ids.testPatternReturns, year: 2025 })]);
    expect(await tmdbClient.searchMovie('Nothing Like It')).toEqual([]);
  });

  it('searches tv by name with first_air_date_year', async () => {
    const tmdbClient = client();
    const all = await tmdbClient.searchTv('test card show');
    expect(all.map((r) => r.id)).toEqual([ids.testCardShow, ids.testCard]);
    expect(all[0]).toMatchObject({ type: 'show', title: 'Test Card Show', originalTitle: 'Test Card Show', year: 2023 });
    expect(all[1]).toMatchObject({ type: 'show', title: 'Test Card', year: 2010, backdropPath: null });

    expect((await tmdbClient.searchTv('Test Card Show', 2023)).map((r) => r.id)).toEqual([ids.testCardShow]);
    expect((await tmdbClient.searchTv('Test Card', 2010)).map((r) => r.id)).toEqual([ids.testCard]);
    expect(await tmdbClient.searchTv('Test Card Show', 1999)).toEqual([]);
  });

  it('multi search keeps movies and shows and drops people', async () => {
    const tmdbClient = client();
    const results = await tmdbClient.searchMulti('test');
    expect(new Set(results.map((r) => r.type))).toEqual(new Set(['movie', 'show']));
    expect(results.map((r) => r.id)).toEqual(expect.arrayContaining([ids.bigTestPattern, ids.testCardShow, ids.testCard]));

    // The fake does answer people (media_type 'person'); the client leaves them out.
    const raw = await fetch(`${tmdb.url}/search/multi?query=Ivy%20Marsh&api_key=${FAKE_TMDB_API_KEY}`);
    const body = (await raw.json()) as { results: { media_type: string; id: number }[]; total_results: number };
    expect(body.results).toEqual([expect.objectContaining({ media_type: 'person', id: ids.ivyMarsh })]);
    expect(await tmdbClient.searchMulti('Ivy Marsh')).toEqual([]);
  });

  it('answers search pages with the documented paging fields', async () => {
    const res = await fetch(`${tmdb.url}/search/movie?query=test&page=1&api_key=${FAKE_TMDB_API_KEY}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ page: 1, total_pages: 1, total_results: 4 });
    const past = await fetch(`${tmdb.url}/search/movie?query=test&page=2&api_key=${FAKE_TMDB_API_KEY}`);
    expect(await past.json()).toMatchObject({ page: 2, results: [], total_pages: 1, total_results: 4 });
    const bad = await fetch(`${tmdb.url}/search/movie?query=test&page=0&api_key=${FAKE_TMDB_API_KEY}`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ success: false, status_code: 22 });
  });
});

describe('details', () => {
  it('normalises a movie with credits, external ids and images', async () => {
    const movie = await client().movie(ids.bigTestPattern);
    const seeded = tmdb.data.movies.get(ids.bigTestPattern)!;
    const profile = (id: number) => tmdb.data.people.get(id)!.profilePath;
    expect(movie).toEqual({
      id: ids.bigTestPattern,
      title: 'Big Test Pattern',
      originalTitle: 'Big Test Pattern',
      year: 2024,
      overview: seeded.overview,
      tagline: 'Please stand by.',
      runtime: 92,
      genres: ['Science Fiction', 'Mystery'],
      releaseDate: '2024-05-17',
      posterPath: seeded.posterPath,
      backdropPath: seeded.backdropPath,
      imdbId: FAKE_TMDB_EXTERNAL_IDS.bigTestPatternImdb,
      tvdbId: null,
      rating: seeded.voteAverage,
      cast: [
        { personId: ids.ivyMarsh, name: 'Ivy Marsh', character: 'Dr. Colour Bar', order: 0, profilePath: profile(ids.ivyMarsh) },
        { personId: ids.ottoReyes, name: 'Otto Reyes', character: 'The Engineer', order: 1, profilePath: profile(ids.ottoReyes) },
        { personId: ids.priyaLamb, name: 'Priya Lamb', character: 'Night Announcer', order: 2, profilePath: profile(ids.priyaLamb) },
      ],
      crew: [
        { personId: ids.hollisGrant, name: 'Hollis Grant', job: 'Director', department: 'Directing', profilePath: profile(ids.hollisGrant) },
        { personId: ids.hollisGrant, name: 'Hollis Grant', job: 'Screenplay', department: 'Writing', profilePath: profile(ids.hollisGrant) },
      ],
    });
    for (const c of movie!.cast) expect(c.profilePath).toMatch(/^\/[0-9A-Za-z]{27}\.jpg$/);
    expect(tmdb.calls.byRoute.get('/movie/:id')).toBe(1); // one call: credits and ids are appended
  });

  it('maps empty strings to null and keeps a missing poster null', async () => {
    const decoy = await client().movie(ids.bigTestPattern1998);
    expect(decoy).toMatchObject({ tagline: null, posterPath: null, originalTitle: 'La Grande Mire', year: 1998, crew: [] });
  });

  it('normalises a show with seasons, external ids and cast', async () => {
    const show = await client().show(ids.testCardShow);
    const seeded = tmdb.data.shows.get(ids.testCardShow)!;
    expect(show).toMatchObject({
      id: ids.testCardShow,
      title: 'Test Card Show',
      originalTitle: 'Test Card Show',
      year: 2023,
      overview: seeded.overview,
      genres: ['Comedy', 'Documentary'],
      firstAirDate: '2023-09-14',
      status: 'Returning Series',
      posterPath: seeded.posterPath,
      backdropPath: seeded.backdropPath,
      imdbId: FAKE_TMDB_EXTERNAL_IDS.testCardShowImdb,
      tvdbId: 810001,
      rating: seeded.voteAverage,
      seasons: [
        { number: 1, name: 'Season 1', overview: 'The station opens its doors.', posterPath: seeded.seasons[0].posterPath, airDate: '2023-09-14', episodeCount: 2 },
        { number: 2, name: 'Season 2', overview: 'The station goes national.', posterPath: seeded.seasons[1].posterPath, airDate: '2024-10-03', episodeCount: 2 },
      ],
      crew: [{ personId: ids.wrenAdeyemi, name: 'Wren Adeyemi', job: 'Executive Producer', department: 'Production', profilePath: null }],
    });
    expect(show!.cast.map((c) => [c.personId, c.character, c.order])).toEqual([
      [ids.junoPark, 'Presenter', 0],
      [ids.felixOkafor, 'Chief Engineer', 1],
      [ids.ivyMarsh, 'Continuity Announcer', 2],
    ]);
    expect(show!.cast.every((c) => c.profilePath !== null)).toBe(true);
  });

  it('normalises a season and its episodes', async () => {
    const tmdbClient = client();
    const season = await tmdbClient.season(ids.testCardShow, 1);
    const seeded = tmdb.data.shows.get(ids.testCardShow)!.seasons[0];
    expect(season).toEqual({
      number: 1,
      name: 'Season 1',
      overview: 'The station opens its doors.',
      posterPath: seeded.posterPath,
      airDate: '2023-09-14',
      episodes: [
        { number: 1, title: 'Pilot', overview: seeded.episodes[0].overview, airDate: '2023-09-14', stillPath: seeded.episodes[0].stillPath, runtime: 24 },
        { number: 2, title: 'Colour Bars', overview: seeded.episodes[1].overview, airDate: '2023-09-21', stillPath: seeded.episodes[1].stillPath, runtime: 24 },
      ],
    });
    const two = await tmdbClient.season(ids.testCardShow, 2);
    expect(two?.episodes.map((e) => [e.number, e.title, e.airDate])).toEqual([
      [1, 'Tone at 440', '2024-10-03'],
      [2, 'Sign Off', '2024-10-10'],
    ]);
    expect(await tmdbClient.season(ids.testCardShow, 7)).toBeNull();
    expect(await tmdbClient.season(999_999, 1)).toBeNull();
  });

  it('normalises a person, with deathday when there is one', async () => {
    const tmdbClient = client();
    expect(await tmdbClient.person(ids.ivyMarsh)).toEqual({
      id: ids.ivyMarsh,
      name: 'Ivy Marsh',
      biography: 'Ivy Marsh is an English actor known for late-night broadcast dramas.',
      birthday: '1986-02-11',
      deathday: null,
      placeOfBirth: 'Leeds, England, UK',
      profilePath: tmdb.data.people.get(ids.ivyMarsh)!.profilePath,
      imdbId: `nm0${ids.ivyMarsh}`,
    });
    expect(await tmdbClient.person(ids.bernardTull)).toMatchObject({ deathday: '2019-12-01', birthday: '1931-04-02' });
  });

  it('has a person for every cast and crew credit', async () => {
    const credits = [...tmdb.data.movies.values(), ...tmdb.data.shows.values()].flatMap((t) => [...t.cast, ...t.crew]);
    const tmdbClient = client();
    for (const personId of new Set(credits.map((c) => c.personId))) {
      expect(await tmdbClient.person(personId), `person ${personId}`).not.toBeNull();
    }
  });

  it('answers 404 with status_code 34, which the detail methods turn into null', async () => {
    const tmdbClient = client();
    expect(await tmdbClient.movie(999_999)).toBeNull();
    expect(await tmdbClient.show(999_999)).toBeNull();
    expect(await tmdbClient.person(999_999)).toBeNull();
    const raw = await fetch(`${tmdb.url}/movie/999999?api_key=${FAKE_TMDB_API_KEY}`);
    expect(raw.status).toBe(404);
    expect(await raw.json()).toEqual({ success: false, status_code: 34, status_message: 'The resource you requested could not be found.' });
  });

  it('finds by IMDb and TheTVDB ids', async () => {
    const tmdbClient = client();
    expect(await tmdbClient.findByExternalId(FAKE_TMDB_EXTERNAL_IDS.bigTestPatternImdb, 'imdb_id')).toEqual({
      movies: [{ id: ids.bigTestPattern, title: 'Big Test Pattern', year: 2024 }],
      shows: [],
    });
    expect(await tmdbClient.findByExternalId(FAKE_TMDB_EXTERNAL_IDS.testCardShowImdb, 'imdb_id')).toEqual({
      movies: [],
      shows: [{ id: ids.testCardShow, title: 'Test Card Show', year: 2023 }],
    });
    expect(await tmdbClient.findByExternalId(String(FAKE_TMDB_EXTERNAL_IDS.testCardShowTvdb), 'tvdb_id')).toEqual({
      movies: [],
      shows: [{ id: ids.testCardShow, title: 'Test Card Show', year: 2023 }],
    });
    expect(await tmdbClient.findByExternalId('tt9999999', 'imdb_id')).toEqual({ movies: [], shows: [] });
  });
});

describe('auth', () => {
  type Seen = { url: URL; authorization: string | null };
  function recording(seen: Seen[]): typeof fetch {
    return (input, init) => {
      const headers = new Headers(init?.headers);
      seen.push({ url: new URL(String(input)), authorization: headers.get('authorization') });
      return fetch(input, init);
    };
  }

  it('sends a v3 key as the api_key query parameter', async () => {
    const seen: Seen[] = [];
    const movie = await client({ fetch: recording(seen) }).movie(ids.bigTestPattern);
    expect(movie?.title).toBe('Big Test Pattern');
    expect(seen).toHaveLength(1);
    expect(seen[0].authorization).toBeNull();
    expect(seen[0].url.pathname).toBe(`/3/movie/${ids.bigTestPattern}`);
    expect(Object.fromEntries(seen[0].url.searchParams)).toMatchObject({
      api_key: FAKE_TMDB_API_KEY,
      append_to_response: 'credits,external_ids,images',
      language: 'en-US',
    });
    expect(tmdb.calls.auth).toEqual({ apiKey: 1, bearer: 0, none: 0 });
  });

  it('sends a read access token (JWT) as a Bearer header', async () => {
    expect(FAKE_TMDB_READ_TOKEN.startsWith('eyJ')).toBe(true);
    const seen: Seen[] = [];
    const show = await client({ apiKey: FAKE_TMDB_READ_TOKEN, fetch: recording(seen), language: 'en-GB' }).show(ids.testCardShow);
    expect(show?.tvdbId).toBe(810001);
    expect(seen[0].authorization).toBe(`Bearer ${FAKE_TMDB_READ_TOKEN}`);
    expect(seen[0].url.searchParams.has('api_key')).toBe(false);
    expect(seen[0].url.searchParams.get('language')).toBe('en-GB');
    expect(tmdb.calls.auth).toEqual({ apiKey: 0, bearer: 1, none: 0 });
  });

  it('throws invalid_api_key on 401 (status_code 7), for either style', async () => {
    for (const apiKey of ['wrong-key', `${FAKE_TMDB_READ_TOKEN}x`]) {
      const err = await tmdbError(client({ apiKey }).movie(ids.bigTestPattern));
      expect(err.code).toBe('invalid_api_key');
      expect(err.details).toMatchObject({ httpStatus: 401, tmdbStatusCode: 7 });
      expect(err.message).not.toContain(apiKey);
    }
    const raw = await fetch(`${tmdb.url}/movie/${ids.bigTestPattern}`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual({ success: false, status_code: 7, status_message: 'Invalid API key: You must be granted a valid key.' });
  });
});

describe('failures', () => {
  it('retries a short 429 burst after Retry-After and succeeds', async () => {
    tmdb.rateLimitNext(2);
    const started = Date.now();
    const movie = await client().movie(ids.bigTestPattern);
    expect(movie?.id).toBe(ids.bigTestPattern);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900); // Retry-After: 1, twice
    expect(tmdb.calls.byRoute.get('/movie/:id')).toBe(3);
  });

  it('throws rate_limited after two retries', async () => {
    tmdb.rateLimitNext(5);
    const waits: number[] = [];
    const tmdbClient = client({ sleep: async (ms) => void waits.push(ms) });
    const err = await tmdbError(tmdbClient.searchMovie('Big Test Pattern'));
    expect(err.code).toBe('rate_limited');
    expect(err.details).toMatchObject({ httpStatus: 429, tmdbStatusCode: 25 });
    expect(waits).toEqual([1000, 1000]);
    expect(tmdb.calls.byRoute.get('/search/movie')).toBe(3);
    tmdb.rateLimitNext(0);
  });

  it('reads Retry-After as seconds or a date, capped at 10 s', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('120')).toBe(10_000);
    expect(retryAfterMs(null)).toBe(1000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs('Wed, 01 Jan 2025 00:00:03 GMT', now)).toBe(3000);
    expect(retryAfterMs('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
  });

  it('throws unreachable when nothing listens', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const err = await tmdbError(new TmdbClient({ apiKey: 'k', baseUrl: `http://127.0.0.1:${port}/3` }).movie(1));
    expect(err.code).toBe('unreachable');
  });

  it('keeps at most 8 requests in flight', async () => {
    tmdb.setDelay(60);
    const tmdbClient = client();
    const people = await Promise.all(Array.from({ length: 24 }, (_, i) => tmdbClient.person(ids.ivyMarsh + (i % 8))));
    expect(people.every((p) => p !== null)).toBe(true);
    expect(tmdb.calls.maxInFlight).toBeLessThanOrEqual(8);
    expect(tmdb.calls.maxInFlight).toBeGreaterThanOrEqual(4);
  });
});

describe('images', () => {
  it('builds image URLs from /configuration, fetched once', async () => {
    const tmdbClient = client();
    const poster = tmdb.data.movies.get(ids.bigTestPattern)!.posterPath!;
    expect(await tmdbClient.imageUrl(poster, 'w500')).toBe(`${tmdb.imageBaseUrl}w500${poster}`);
    expect(await tmdbClient.imageUrl(poster)).toBe(`${tmdb.imageBaseUrl}original${poster}`);
    expect(tmdb.calls.byRoute.get('/configuration')).toBe(1);

    const fixed = client({ imageBaseUrl: 'https://image.tmdb.org/t/p/' });
    expect(await fixed.imageUrl(poster, 'w185')).toBe(`https://image.tmdb.org/t/p/w185${poster}`);
    expect(tmdb.calls.byRoute.get('/configuration')).toBe(1);
  });

  it('downloads real JPEGs at the requested size', async () => {
    const tmdbClient = client({ imageBaseUrl: tmdb.imageBaseUrl });
    const movie = tmdb.data.movies.get(ids.bigTestPattern)!;
    const still = tmdb.data.shows.get(ids.testCardShow)!.seasons[0].episodes[0].stillPath!;
    const profile = tmdb.data.people.get(ids.ivyMarsh)!.profilePath!;
    const cases: [string, string, number, number][] = [
      [movie.posterPath!, 'original', 500, 750],
      [movie.posterPath!, 'w185', 185, 278],
      [movie.backdropPath!, 'original', 1280, 720],
      [movie.backdropPath!, 'w780', 780, 439],
      [still, 'original', 640, 360],
      [profile, 'original', 300, 450],
      [profile, 'h632', 300, 450], // never upscaled
    ];
    for (const [path, size, width, height] of cases) {
      const bytes = await tmdbClient.downloadImage(path, size);
      expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      const meta = await sharp(bytes).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }, `${size}${path}`).toEqual({ format: 'jpeg', width, height });
    }
    // Cached: the same bytes again.
    expect((await tmdbClient.downloadImage(movie.posterPath!, 'original')).equals(await tmdbClient.downloadImage(movie.posterPath!, 'original'))).toBe(true);
  });

  it('throws not_found for an unknown image', async () => {
    const err = await tmdbError(client({ imageBaseUrl: tmdb.imageBaseUrl }).downloadImage('/doesNotExist.jpg', 'w500'));
    expect(err.code).toBe('not_found');
  });
});
