// The fake TMDB's dataset (test/fakes/tmdb-server.ts serves it): our own invented movies, shows,
// people and images, matching the sample library (lib/media/sample-library.ts) so the app can
// identify "Big Test Pattern (2024)" and "Test Card Show", next to decoys that share words or titles.
import { createHash } from 'node:crypto';
export const FAKE_TMDB_IDS = {
  // movies
  bigTestPattern: 610001,
  bigTestPattern1998: 610002,
  theBigTest: 610003,
  testPatternReturns: 610004,
  // tv
  testCardShow: 620001,
  testCard: 620002,
  // people
  ivyMarsh: 630001,
  ottoReyes: 630002,
  priyaLamb: 630003,
  hollisGrant: 630004,
  junoPark: 630005,
  felixOkafor: 630006,
  wrenAdeyemi: 630007,
  bernardTull: 630008,
} as const;

/** External ids of the seeded titles. */
export const FAKE_TMDB_EXTERNAL_IDS = {
  bigTestPatternImdb: 'tt0610001',
  testCardShowImdb: 'tt0620001',
  testCardShowTvdb: 810001,
  testCardTvdb: 810002,
} as const;

/** Pixel size of each kind of image at 'original'. */
export const FAKE_TMDB_IMAGE_SIZES = {
  poster: { width: 500, height: 750 },
  backdrop: { width: 1280, height: 720 },
  still: { width: 640, height: 360 },
  profile: { width: 300, height: 450 },
} as const;
export type FakeImageKind = keyof typeof FAKE_TMDB_IMAGE_SIZES;

/** The size lists of GET /configuration, as TMDB documents them. */
export const FAKE_TMDB_CONFIG_SIZES = {
  backdrop_sizes: ['w300', 'w780', 'w1280', 'original'],
  logo_sizes: ['w45', 'w92', 'w154', 'w185', 'w300', 'w500', 'original'],
  poster_sizes: ['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original'],
  profile_sizes: ['w45', 'w185', 'h632', 'original'],
  still_sizes: ['w92', 'w185', 'w300', 'original'],
} as const;

// ---- Dataset ----

export interface FakeGenre {
  id: number;
  name: string;
}
export interface FakeCastCredit {
  personId: number;
  character: string;
}
export interface FakeCrewCredit {
  personId: number;
  job: string;
  department: string;
}
export interface FakeTmdbMovie {
  id: number;
  title: string;
  originalTitle: string;
  originalLanguage: string;
  overview: string;
  tagline: string;
  releaseDate: string;
  runtime: number;
  genres: FakeGenre[];
  posterPath: string | null;
  backdropPath: string | null;
  popularity: number;
  voteAverage: number;
  voteCount: number;
  imdbId: string | null;
  /** In billing order. */
  cast: FakeCastCredit[];
  crew: FakeCrewCredit[];
}
export interface FakeTmdbEpisode {
  id: number;
  number: number;
  name: string;
  overview: string;
  airDate: string;
  stillPath: string | null;
  runtime: number;
}
export interface FakeTmdbSeason {
  id: number;
  number: number;
  name: string;
  overview: string;
  airDate: string;
  posterPath: string | null;
  episodes: FakeTmdbEpisode[];
}
export interface FakeTmdbShow {
  id: number;
  name: string;
  originalName: string;
  originalLanguage: string;
  overview: string;
  tagline: string;
  firstAirDate: string;
  status: string;
  genres: FakeGenre[];
  posterPath: string | null;
  backdropPath: string | null;
  popularity: number;
  voteAverage: number;
  voteCount: number;
  imdbId: string | null;
  tvdbId: number | null;
  network: string;
  seasons: FakeTmdbSeason[];
  cast: FakeCastCredit[];
  crew: FakeCrewCredit[];
}
export interface FakeTmdbPerson {
  id: number;
  name: string;
  alsoKnownAs: string[];
  biography: string;
  birthday: string | null;
  deathday: string | null;
  /** 0 unknown, 1 female, 2 male, 3 non-binary (TMDB's codes). */
  gender: number;
  knownForDepartment: string;
  placeOfBirth: string | null;
  profilePath: string | null;
  imdbId: string | null;
  popularity: number;
}
export interface FakeTmdbData {
  movies: Map<number, FakeTmdbMovie>;
  shows: Map<number, FakeTmdbShow>;
  people: Map<number, FakeTmdbPerson>;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A TMDB-looking image file path ("/" + 27 letters and digits + ".jpg"), stable for a label. */
export function fakeImagePath(label: string): string {
  const digest = createHash('sha256').update(label).digest();
  let name = '';
  for (let i = 0; i < 27; i++) name += BASE62[digest[i] % 62];
  return `/${name}.jpg`;
}

const GENRES = {
  scienceFiction: { id: 878, name: 'Science Fiction' },
  mystery: { id: 9648, name: 'Mystery' },
  comedy: { id: 35, name: 'Comedy' },
  documentary: { id: 99, name: 'Documentary' },
  drama: { id: 18, name: 'Drama' },
} satisfies Record<string, FakeGenre>;

/** A fresh copy of the seeded dataset. */
export function seedTmdbData(): FakeTmdbData {
  const ids = FAKE_TMDB_IDS;
  const ext = FAKE_TMDB_EXTERNAL_IDS;
  const person = (
    id: number,
    name: string,
    dept: string,
    gender: number,
    birthday: string,
    placeOfBirth: string,
    biography: string,
    extra: Partial<FakeTmdbPerson> = {},
  ): FakeTmdbPerson => ({
    id,
    name,
    alsoKnownAs: [],
    biography,
    birthday,
    deathday: null,
    gender,
    knownForDepartment: dept,
    placeOfBirth,
    profilePath: fakeImagePath(`profile-${id}`),
    imdbId: `nm0${id}`,
    popularity: 5 + (id % 10),
    ...extra,
  });
  const people: FakeTmdbPerson[] = [
    person(ids.ivyMarsh, 'Ivy Marsh', 'Acting', 1, '1986-02-11', 'Leeds, England, UK', 'Ivy Marsh is an English actor known for late-night broadcast dramas.', {
      alsoKnownAs: ['Ivy R. Marsh'],
    }),
    person(ids.ottoReyes, 'Otto Reyes', 'Acting', 2, '1979-07-30', 'Valparaíso, Chile', 'Otto Reyes is a Chilean-born actor and former sound engineer.'),
    person(ids.priyaLamb, 'Priya Lamb', 'Acting', 1, '1991-11-04', 'Bristol, England, UK', 'Priya Lamb began her career as a continuity announcer.'),
    person(ids.hollisGrant, 'Hollis Grant', 'Directing', 2, '1962-05-19', 'Toronto, Ontario, Canada', 'Hollis Grant is a Canadian writer and director.'),
    person(ids.junoPark, 'Juno Park', 'Acting', 3, '1988-03-22', 'Busan, South Korea', 'Juno Park presents television and radio.'),
    person(ids.felixOkafor, 'Felix Okafor', 'Acting', 2, '1975-09-09', 'Lagos, Nigeria', 'Felix Okafor is a stage and screen actor.'),
    person(ids.wrenAdeyemi, 'Wren Adeyemi', 'Production', 1, '1970-01-15', 'London, England, UK', 'Wren Adeyemi produces factual entertainment.', {
      profilePath: null,
    }),
    person(ids.bernardTull, 'Bernard Tull', 'Acting', 2, '1931-04-02', 'Cork, Ireland', 'Bernard Tull was an Irish character actor.', {
      deathday: '2019-12-01',
    }),
  ];

  const movies: FakeTmdbMovie[] = [
    {
      id: ids.bigTestPattern,
      title: 'Big Test Pattern',
      originalTitle: 'Big Test Pattern',
      originalLanguage: 'en',
      overview: 'When the broadcast signal fails, a night-shift engineer must hold the test card steady until dawn.',
      tagline: 'Please stand by.',
      releaseDate: '2024-05-17',
      runtime: 92,
      genres: [GENRES.scienceFiction, GENRES.mystery],
      posterPath: fakeImagePath('poster-movie-610001'),
      backdropPath: fakeImagePath('backdrop-movie-610001'),
      popularity: 24.517,
      voteAverage: 7.1,
      voteCount: 412,
      imdbId: ext.bigTestPatternImdb,
      cast: [
        { personId: ids.ivyMarsh, character: 'Dr. Colour Bar' },
        { personId: ids.ottoReyes, character: 'The Engineer' },
        { personId: ids.priyaLamb, character: 'Night Announcer' },
      ],
      crew: [
        { personId: ids.hollisGrant, job: 'Director', department: 'Directing' },
        { personId: ids.hollisGrant, job: 'Screenplay', department: 'Writing' },
      ],
    },
    {
      id: ids.bigTestPattern1998,
      title: 'Big Test Pattern',
      originalTitle: 'La Grande Mire',
      originalLanguage: 'fr',
      overview: 'A provincial television station prepares its first colour broadcast.',
      tagline: '',
      releaseDate: '1998-03-06',
      runtime: 104,
      genres: [GENRES.drama],
      posterPath: null,
      backdropPath: fakeImagePath('backdrop-movie-610002'),
      popularity: 31.204, // more popular than the 2024 film: only the year tells them apart
      voteAverage: 6.4,
      voteCount: 980,
      imdbId: 'tt0610002',
      cast: [{ personId: ids.bernardTull, character: 'Monsieur Lenoir' }],
      crew: [],
    },
    {
      id: ids.theBigTest,
      title: 'The Big Test',
      originalTitle: 'The Big Test',
      originalLanguage: 'en',
      overview: 'Three friends cram for the exam that decides everything.',
      tagline: 'Pencils down.',
      releaseDate: '2024-08-30',
      runtime: 97,
      genres: [GENRES.comedy],
      posterPath: fakeImagePath('poster-movie-610003'),
      backdropPath: null,
      popularity: 18.33,
      voteAverage: 5.9,
      voteCount: 150,
      imdbId: 'tt0610003',
      cast: [],
      crew: [],
    },
    {
      id: ids.testPatternReturns,
      title: 'Test Pattern Returns',
      originalTitle: 'Test Pattern Returns',
      originalLanguage: 'en',
      overview: 'The signal is back, and this time it is listening.',
      tagline: '',
      releaseDate: '2025-06-13',
      runtime: 99,
      genres: [GENRES.scienceFiction],
      posterPath: fakeImagePath('poster-movie-610004'),
      backdropPath: fakeImagePath('backdrop-movie-610004'),
      popularity: 12.08,
      voteAverage: 6.2,
      voteCount: 61,
      imdbId: 'tt0610004',
      cast: [{ personId: ids.ottoReyes, character: 'The Engineer' }],
      crew: [{ personId: ids.hollisGrant, job: 'Director', department: 'Directing' }],
    },
  ];

  const episode = (showId: number, season: number, number: number, name: string, overview: string, airDate: string): FakeTmdbEpisode => ({
    id: showId * 10 + season * 100 + number + 5_000_000,
    number,
    name,
    overview,
    airDate,
    stillPath: fakeImagePath(`still-${showId}-${season}-${number}`),
    runtime: 24,
  });
  const shows: FakeTmdbShow[] = [
    {
      id: ids.testCardShow,
      name: 'Test Card Show',
      originalName: 'Test Card Show',
      originalLanguage: 'en',
      overview: 'A presenter and an engineer keep a tiny broadcast station on the air, one test card at a time.',
      tagline: 'Normal service will resume shortly.',
      firstAirDate: '2023-09-14',
      status: 'Returning Series',
      genres: [GENRES.comedy, GENRES.documentary],
      posterPath: fakeImagePath('poster-tv-620001'),
      backdropPath: fakeImagePath('backdrop-tv-620001'),
      popularity: 42.9,
      voteAverage: 7.8,
      voteCount: 233,
      imdbId: ext.testCardShowImdb,
      tvdbId: ext.testCardShowTvdb,
      network: 'Channel Zero',
      seasons: [
        {
          id: 6_200_011,
          number: 1,
          name: 'Season 1',
          overview: 'The station opens its doors.',
          airDate: '2023-09-14',
          posterPath: fakeImagePath('poster-tv-620001-s1'),
          episodes: [
            episode(ids.testCardShow, 1, 1, 'Pilot', 'The first night on air, and the tone generator will not stop.', '2023-09-14'),
            episode(ids.testCardShow, 1, 2, 'Colour Bars', 'A visiting inspector wants the bars in the right order.', '2023-09-21'),
          ],
        },
        {
          id: 6_200_012,
          number: 2,
          name: 'Season 2',
          overview: 'The station goes national.',
          airDate: '2024-10-03',
          posterPath: fakeImagePath('poster-tv-620001-s2'),
          episodes: [
            episode(ids.testCardShow, 2, 1, 'Tone at 440', 'Someone retunes the reference tone.', '2024-10-03'),
            episode(ids.testCardShow, 2, 2, 'Sign Off', 'The night the anthem would not play.', '2024-10-10'),
          ],
        },
      ],
      cast: [
        { personId: ids.junoPark, character: 'Presenter' },
        { personId: ids.felixOkafor, character: 'Chief Engineer' },
        { personId: ids.ivyMarsh, character: 'Continuity Announcer' },
      ],
      crew: [{ personId: ids.wrenAdeyemi, job: 'Executive Producer', department: 'Production' }],
    },
    {
      id: ids.testCard,
      name: 'Test Card',
      originalName: 'Test Card',
      originalLanguage: 'en',
      overview: 'A late-night anthology of very short films.',
      tagline: '',
      firstAirDate: '2010-02-01',
      status: 'Ended',
      genres: [GENRES.drama],
      posterPath: fakeImagePath('poster-tv-620002'),
      backdropPath: null,
      popularity: 3.2,
      voteAverage: 6.0,
      voteCount: 12,
      imdbId: 'tt0620002',
      tvdbId: FAKE_TMDB_EXTERNAL_IDS.testCardTvdb,
      network: 'Channel Zero',
      seasons: [
        {
          id: 6_200_021,
          number: 1,
          name: 'Season 1',
          overview: '',
          airDate: '2010-02-01',
          posterPath: null,
          episodes: [episode(ids.testCard, 1, 1, 'Episode 1', '', '2010-02-01')],
        },
      ],
      cast: [{ personId: ids.bernardTull, character: 'Narrator' }],
      crew: [],
    },
  ];

  return {
    movies: new Map(movies.map((m) => [m.id, m])),
    shows: new Map(shows.map((s) => [s.id, s])),
    people: new Map(people.map((p) => [p.id, p])),
  };
}

// ---- Server ----
