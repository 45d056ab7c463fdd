// The invented dataset the fake TheTVDB v4 server (tvdb-server.ts) answers from: two series (one
// with more episodes than one 500-item page), one movie, two people, with artworks, characters,
// genres and companies in the shapes of the v4 OpenAPI document (lib/tvdb/v4-schemas.ts types).
// Records are stored as their extended form; the server derives base records from them.
import type {
  ArtworkExtendedRecord,
  Character,
  Company,
  EntityUpdate,
  EpisodeBaseRecord,
  EpisodeExtendedRecord,
  GenreBaseRecord,
  MovieExtendedRecord,
  PeopleExtendedRecord,
  SeasonBaseRecord,
  SeasonType,
  SeriesExtendedRecord,
  Status,
} from '@/lib/tvdb/v4-schemas';

type Known<T, K extends keyof T> = T & { [P in K]-?: NonNullable<T[P]> };
/** A seeded episode: the union of what the base and the extended record carry. */
export type FakeEpisode = Known<EpisodeBaseRecord & EpisodeExtendedRecord, 'id' | 'seriesId' | 'seasonNumber' | 'number' | 'name'>;
export type FakeSeries = Known<SeriesExtendedRecord, 'id' | 'name'>;
export type FakeMovie = Known<MovieExtendedRecord, 'id' | 'name'>;
export type FakePerson = Known<PeopleExtendedRecord, 'id' | 'name'>;

export interface FakeTvdbData {
  series: Map<number, FakeSeries>;
  episodes: Map<number, FakeEpisode>;
  movies: Map<number, FakeMovie>;
  people: Map<number, FakePerson>;
  /** What /updates answers from; tests push to it. */
  updates: EntityUpdate[];
}

export const FAKE_TVDB_IDS = {
  lighthouse: 900001,
  noonQuiz: 900002,
  movie: 800001,
  mara: 700001,
  tobias: 700002,
} as const;

const ART = 'https://artworks.thetvdb.com/banners/v4';
const UPDATED = '2024-05-01 12:00:00';

const genres = {
  drama: { id: 4, name: 'Drama', slug: 'drama' },
  mystery: { id: 16, name: 'Mystery', slug: 'mystery' },
  gameShow: { id: 9, name: 'Game Show', slug: 'game-show' },
} satisfies Record<string, GenreBaseRecord>;

const statuses = {
  continuing: { id: 1, name: 'Continuing', recordType: 'series', keepUpdated: false },
  ended: { id: 2, name: 'Ended', recordType: 'series', keepUpdated: false },
  released: { id: 5, name: 'Released', recordType: 'movie', keepUpdated: false },
} satisfies Record<string, Status>;

const seasonTypes = {
  official: { id: 1, name: 'Aired Order', type: 'official', alternateName: null },
  dvd: { id: 2, name: 'DVD Order', type: 'dvd', alternateName: null },
  absolute: { id: 3, name: 'Absolute Order', type: 'absolute', alternateName: null },
} satisfies Record<string, SeasonType>;

function company(id: number, name: string, primaryCompanyType: number): Company {
  return {
    id,
    name,
    slug: name.toLowerCase().replace(/\W+/g, '-'),
    country: 'gbr',
    primaryCompanyType,
    activeDate: '1990-01-01',
    inactiveDate: null,
    aliases: [],
    nameTranslations: ['eng'],
    overviewTranslations: [],
    parentCompany: { id: null, name: null, relation: { id: null, typeName: null } },
    tagOptions: null,
  };
}
const network = company(5001, 'Harbour Broadcasting', 1);
const studio = company(5002, 'Northlight Pictures', 2);

function translations(name: string, overview: string) {
  return {
    nameTranslations: [{ language: 'eng', name, isPrimary: true, isAlias: false, aliases: [] }],
    overviewTranslations: [{ language: 'eng', overview, isPrimary: true }],
    alias: [],
  };
}

function artwork(id: number, owner: { seriesId?: number; movieId?: number }, type: number, file: string, width: number, height: number): ArtworkExtendedRecord {
  const kind = owner.seriesId ? `series/${owner.seriesId}` : `movies/${owner.movieId}`;
  return {
    id,
    image: `${ART}/${kind}/${file}`,
    thumbnail: `${ART}/${kind}/${file.replace('.jpg', '_t.jpg')}`,
    language: 'eng',
    type,
    score: 100_000 - id,
    width,
    height,
    includesText: type !== 3,
    thumbnailWidth: Math.round(width / 4),
    thumbnailHeight: Math.round(height / 4),
    updatedAt: 1_714_564_800,
    seriesId: owner.seriesId ?? null,
    movieId: owner.movieId ?? null,
    episodeId: null,
    networkId: null,
    peopleId: null,
    seasonId: null,
    seriesPeopleId: null,
    status: { id: 1, name: 'Approved' },
    tagOptions: null,
  };
}

function character(
  id: number,
  name: string,
  person: { id: number; name: string },
  role: { seriesId?: number; movieId?: number; title: string; year: string },
  sort: number,
): Character {
  const info = { name: role.title, year: role.year, image: null };
  return {
    id,
    name,
    peopleId: person.id,
    personName: person.name,
    peopleType: 'Actor',
    type: 3,
    seriesId: role.seriesId ?? null,
    series: role.seriesId ? info : null,
    movieId: role.movieId ?? null,
    movie: role.movieId ? info : null,
    episodeId: null,
    episode: null,
    image: `${ART}/characters/${id}.jpg`,
    personImgURL: `${ART}/people/${person.id}.jpg`,
    isFeatured: sort === 0,
    sort,
    url: `https://thetvdb.com/characters/${id}`,
    aliases: [],
    nameTranslations: ['eng'],
    overviewTranslations: [],
    tagOptions: null,
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Episodes of one series in aired order; `seasons` is the episode count per season, from season 0. */
function makeEpisodes(
  seriesId: number,
  firstId: number,
  seasons: number[],
  start: string,
  everyDays: number,
  runtime: number,
  title: (season: number, n: number) => string,
): FakeEpisode[] {
  const out: FakeEpisode[] = [];
  let absolute = 0;
  let day = 0;
  seasons.forEach((count, season) => {
    for (let n = 1; n <= count; n++) {
      const aired = addDays(start, day);
      day += everyDays;
      if (season > 0) absolute += 1;
      const id = firstId + out.length;
      const name = title(season, n);
      const overview = `${name}: an invented episode for tests.`;
      out.push({
        id,
        seriesId,
        name,
        overview,
        aired,
        year: aired.slice(0, 4),
        runtime,
        seasonNumber: season,
        number: n,
        absoluteNumber: season > 0 ? absolute : null,
        seasonName: season === 0 ? 'Specials' : `Season ${season}`,
        finaleType: season > 0 && n === count ? 'season' : null,
        airsAfterSeason: null,
        airsBeforeSeason: season === 0 ? 1 : null,
        airsBeforeEpisode: season === 0 ? 1 : null,
        image: `${ART}/episodes/${seriesId}/${id}.jpg`,
        imageType: 11,
        isMovie: 0,
        linkedMovie: null,
        lastUpdated: UPDATED,
        nameTranslations: ['eng'],
        overviewTranslations: ['eng'],
        productionCode: `P${season}${String(n).padStart(3, '0')}`,
        remoteIds: [],
        characters: [],
        companies: [],
        networks: [network],
        studios: [],
        contentRatings: [],
        awards: [],
        nominations: [],
        tagOptions: [],
        trailers: [],
        translations: translations(name, overview),
      });
    }
  });
  return out;
}

function seasonsOf(seriesId: number, firstId: number, counts: number[], firstYear: number): SeasonBaseRecord[] {
  return counts.map((_, number) => ({
    id: firstId + number,
    seriesId,
    number,
    name: number === 0 ? 'Specials' : `Season ${number}`,
    type: seasonTypes.official,
    image: `${ART}/seasons/${firstId + number}.jpg`,
    imageType: 7,
    year: String(firstYear + Math.max(0, number - 1)),
    lastUpdated: UPDATED,
    nameTranslations: ['eng'],
    overviewTranslations: [],
    companies: { studio: [], network: [network], production: [], distributor: [], special_effects: [] },
  }));
}

/** A fresh copy of the dataset; `nowSeconds` anchors the seeded /updates records. */
export function seedTvdbData(nowSeconds = Math.floor(Date.now() / 1000)): FakeTvdbData {
  const ids = FAKE_TVDB_IDS;
  const mara = { id: ids.mara, name: 'Mara Quill' };
  const tobias = { id: ids.tobias, name: 'Tobias Fenwick' };
  const keepers = { seriesId: ids.lighthouse, title: 'The Lighthouse Keepers', year: '2019' };
  const quiz = { seriesId: ids.noonQuiz, title: 'Noon Quiz', year: '2020' };
  const film = { movieId: ids.movie, title: 'Harbour Lights', year: '2022' };
  const characters = [
    character(40001, 'Ada Morrow', mara, keepers, 0),
    character(40002, 'Silas Morrow', tobias, keepers, 1),
    character(40003, 'Quizmaster', tobias, quiz, 0),
    character(40004, 'Captain Ines Vale', mara, film, 0),
  ];
  const playedIn = (key: 'seriesId' | 'movieId' | 'peopleId', id: number) => characters.filter((c) => c[key] === id);

  const keeperCounts = [2, 8, 8, 6];
  const quizCounts = [0, 130, 130, 130, 130];
  const episodes = [
    ...makeEpisodes(ids.lighthouse, 1_000_001, keeperCounts, '2019-03-04', 7, 48, (s, n) => (s === 0 ? `Before the Light ${n}` : `Watch ${s}.${n}`)),
    ...makeEpisodes(ids.noonQuiz, 2_000_001, quizCounts, '2020-01-06', 1, 25, (s, n) => `Noon Quiz ${s}x${String(n).padStart(3, '0')}`),
  ];

  const lighthouse: FakeSeries = {
    id: ids.lighthouse,
    name: 'The Lighthouse Keepers',
    slug: 'the-lighthouse-keepers',
    overview: 'Two siblings keep a remote lighthouse and the secrets of the coast it guards.',
    image: `${ART}/series/${ids.lighthouse}/posters/1.jpg`,
    firstAired: '2019-03-04',
    lastAired: '2021-05-10',
    nextAired: '',
    year: '2019',
    status: statuses.ended,
    score: 4321,
    averageRuntime: 48,
    country: 'gbr',
    originalCountry: 'gbr',
    originalLanguage: 'eng',
    defaultSeasonType: 1,
    isOrderRandomized: false,
    lastUpdated: UPDATED,
    abbreviation: 'TLK',
    airsTime: '21:00',
    airsDays: { monday: true, tuesday: false, wednesday: false, thursday: false, friday: false, saturday: false, sunday: false },
    aliases: [{ language: 'eng', name: 'Lighthouse Keepers' }],
    nameTranslations: ['eng'],
    overviewTranslations: ['eng'],
    genres: [genres.drama, genres.mystery],
    originalNetwork: network,
    latestNetwork: network,
    companies: [network, studio],
    contentRatings: [{ id: 101, name: 'TV-14', country: 'usa', contentType: 'episode', order: 4, description: null, fullName: null }],
    remoteIds: [{ id: 'tt9900001', type: 2, sourceName: 'IMDB' }],
    seasons: seasonsOf(ids.lighthouse, 3_000_001, keeperCounts, 2019),
    seasonTypes: [seasonTypes.official, seasonTypes.dvd, seasonTypes.absolute],
    artworks: [
      artwork(6_100_001, keepers, 2, 'posters/1.jpg', 680, 1000),
      artwork(6_100_002, keepers, 1, 'banners/1.jpg', 758, 140),
      artwork(6_100_003, keepers, 3, 'backgrounds/1.jpg', 1920, 1080),
    ],
    characters: playedIn('seriesId', ids.lighthouse),
    lists: [],
    tags: [{ id: 7, name: 'Coastal', tag: 2, tagName: 'Setting', helpText: null }],
    trailers: [],
    translations: translations('The Lighthouse Keepers', 'Two siblings keep a remote lighthouse.'),
  };

  const noonQuiz: FakeSeries = {
    id: ids.noonQuiz,
    name: 'Noon Quiz',
    slug: 'noon-quiz',
    overview: 'A daily lunchtime quiz with three contestants and one very strict host.',
    image: `${ART}/series/${ids.noonQuiz}/posters/1.jpg`,
    firstAired: '2020-01-06',
    lastAired: episodes[episodes.length - 1].aired,
    nextAired: null,
    year: '2020',
    status: statuses.continuing,
    score: 987.5,
    averageRuntime: 25,
    country: 'gbr',
    originalCountry: 'gbr',
    originalLanguage: 'eng',
    defaultSeasonType: 1,
    isOrderRandomized: false,
    lastUpdated: UPDATED,
    abbreviation: null,
    airsTime: '12:00',
    airsDays: { monday: true, tuesday: true, wednesday: true, thursday: true, friday: true, saturday: true, sunday: true },
    aliases: [],
    nameTranslations: ['eng'],
    overviewTranslations: ['eng'],
    genres: [genres.gameShow],
    originalNetwork: network,
    latestNetwork: network,
    companies: [network],
    contentRatings: [],
    remoteIds: [],
    seasons: seasonsOf(ids.noonQuiz, 3_100_001, quizCounts, 2020).slice(1),
    seasonTypes: [seasonTypes.official, seasonTypes.absolute],
    artworks: [artwork(6_200_001, quiz, 2, 'posters/1.jpg', 680, 1000)],
    characters: playedIn('seriesId', ids.noonQuiz),
    lists: null,
    tags: null,
    trailers: null,
    translations: translations('Noon Quiz', 'A daily lunchtime quiz.'),
  };

  const movie: FakeMovie = {
    id: ids.movie,
    name: 'Harbour Lights',
    slug: 'harbour-lights',
    image: `${ART}/movies/${ids.movie}/posters/1.jpg`,
    year: '2022',
    runtime: 112,
    score: 2500,
    status: statuses.released,
    lastUpdated: UPDATED,
    aliases: [],
    nameTranslations: ['eng'],
    overviewTranslations: ['eng'],
    originalCountry: 'gbr',
    originalLanguage: 'eng',
    genres: [genres.drama, genres.mystery],
    artworks: [
      artwork(6_300_001, film, 14, 'posters/1.jpg', 680, 1000),
      artwork(6_300_002, film, 15, 'backgrounds/1.jpg', 1920, 1080),
    ],
    characters: playedIn('movieId', ids.movie),
    companies: { studio: [studio], network: [], production: [studio], distributor: [], special_effects: [] },
    studios: [{ id: studio.id as number, name: studio.name, parentStudio: null }],
    releases: [{ country: 'global', date: '2022-10-14', detail: null }],
    first_release: { country: 'global', date: '2022-10-14', detail: null },
    production_countries: [{ id: 1, country: 'gbr', name: 'United Kingdom' }],
    spoken_languages: ['eng'],
    audioLanguages: ['eng'],
    subtitleLanguages: ['eng', 'fra'],
    boxOffice: '1200000',
    boxOfficeUS: null,
    budget: '800000',
    remoteIds: [{ id: 'tt9900002', type: 2, sourceName: 'IMDB' }],
    trailers: [{ id: 301, name: 'Official Trailer', language: 'eng', url: 'https://www.youtube.com/watch?v=fake-harbour', runtime: 128 }],
    inspirations: [],
    lists: [],
    awards: [],
    contentRatings: [],
    tagOptions: [],
    translations: translations('Harbour Lights', 'A harbour pilot guides one last ship home.'),
  };

  const person = (p: { id: number; name: string }, birth: string, gender: number, bio: string): FakePerson => ({
    ...p,
    slug: p.name.toLowerCase().replace(/\W+/g, '-'),
    image: `${ART}/people/${p.id}.jpg`,
    birth,
    death: null,
    birthPlace: 'Whitby, England',
    gender,
    score: 150,
    lastUpdated: UPDATED,
    aliases: [],
    nameTranslations: ['eng'],
    overviewTranslations: ['eng'],
    biographies: [{ biography: bio, language: 'eng' }],
    characters: playedIn('peopleId', p.id),
    awards: [],
    races: [],
    remoteIds: [],
    tagOptions: [],
    translations: translations(p.name, bio),
  });

  return {
    series: new Map([lighthouse, noonQuiz].map((s) => [s.id, s])),
    episodes: new Map(episodes.map((e) => [e.id, e])),
    movies: new Map([[movie.id, movie]]),
    people: new Map(
      [person(mara, '1984-02-11', 2, 'Mara Quill is an invented actor.'), person(tobias, '1971-09-30', 1, 'Tobias Fenwick is an invented actor.')].map((p) => [p.id, p]),
    ),
    updates: [
      { recordType: 'series', entityType: 'series', method: 'update', methodInt: 2, recordId: ids.lighthouse, timeStamp: nowSeconds - 86_400, userId: 1, extraInfo: '', mergeToId: 0, mergeToEntityType: '' },
      { recordType: 'episode', entityType: 'episodes', method: 'update', methodInt: 2, recordId: 1_000_003, seriesId: ids.lighthouse, timeStamp: nowSeconds - 3600, userId: 1, extraInfo: '', mergeToId: 0, mergeToEntityType: '' },
      { recordType: 'people', entityType: 'people', method: 'create', methodInt: 1, recordId: ids.tobias, timeStamp: nowSeconds - 600, userId: 2, extraInfo: '', mergeToId: 0, mergeToEntityType: '' },
    ],
  };
}
