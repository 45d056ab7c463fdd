// zod schemas for the TheTVDB v4 API response bodies the caching proxy relays, written by us from
// the official OpenAPI document: github.com/thetvdb/v4-api, docs/swagger.yml (API version 4.7.10).
// Component names below match the document's `components/schemas` (Alias, ArtworkBaseRecord, …) and
// each envelope says which path it belongs to; `v4ResponseSchemas` is keyed by the document's
// operationId (login has none in the document, so it is `login`).
//
// How the document was translated:
// - The document lists no `required` members for any response, so every record field is optional.
//   Real responses send null for many of them (nested ids, dates, images, empty lists), so fields
//   are nullable too. Types stay strict: a documented string never accepts a number, nor the reverse.
// - Objects are loose: fields the document does not list pass through untouched.
// - Envelope members are required: `status` and `data` on every 200, plus `links` where the document
//   puts it in the 200 schema (search, updates). The document omits `links` from
//   /series/{id}/episodes/{season-type} although the live API sends it (v4-api issues #1, #18, #138),
//   so there it is optional.
// - Failure bodies are not in the document at all (v4-api issue #291 asks for exactly that); the shape
//   `{"status":"failure","message":"…","data":null}` is the one the live API is reported to send.
// The file is long because the v4 records nest a few dozen component schemas; it stays one concept.
import { z } from 'zod';

/** A documented field: optional (nothing in the document is required) and possibly null. */
function field<T extends z.ZodType>(schema: T) {
  return schema.nullable().optional();
}
/** A documented array field of `item`. */
function listOf<T extends z.ZodType>(item: T) {
  return field(z.array(item));
}

const int = z.number().int();
const str = z.string();
const bool = z.boolean();

// ---- Small shared components ----

export const alias = z.looseObject({ language: field(str), name: field(str) });
export const recordInfo = z.looseObject({ image: field(str), name: field(str), year: field(str) });
export const tagOption = z.looseObject({
  helpText: field(str),
  id: field(int),
  name: field(str),
  tag: field(int),
  tagName: field(str),
});
export const remoteId = z.looseObject({ id: field(str), type: field(int), sourceName: field(str) });
export const status = z.looseObject({
  id: field(int),
  keepUpdated: field(bool),
  name: field(str),
  recordType: field(str),
});
export const genreBaseRecord = z.looseObject({ id: field(int), name: field(str), slug: field(str) });
export const awardBaseRecord = z.looseObject({ id: field(int), name: field(str) });
export const biography = z.looseObject({ biography: field(str), language: field(str) });
/** The document declares Race as an object with no properties. */
export const race = z.looseObject({});
export const release = z.looseObject({ country: field(str), date: field(str), detail: field(str) });
export const inspiration = z.looseObject({ id: field(int), type: field(str), type_name: field(str), url: field(str) });
export const productionCountry = z.looseObject({ id: field(int), country: field(str), name: field(str) });
export const studioBaseRecord = z.looseObject({ id: field(int), name: field(str), parentStudio: field(int) });
export const trailer = z.looseObject({
  id: field(int),
  language: field(str),
  name: field(str),
  url: field(str),
  runtime: field(int),
});
export const contentRating = z.looseObject({
  id: field(int),
  name: field(str),
  description: field(str),
  country: field(str),
  contentType: field(str),
  order: field(int),
  fullName: field(str),
});
export const seasonType = z.looseObject({
  alternateName: field(str),
  id: field(int),
  name: field(str),
  type: field(str),
});
export const seriesAirsDays = z.looseObject({
  monday: field(bool),
  tuesday: field(bool),
  wednesday: field(bool),
  thursday: field(bool),
  friday: field(bool),
  saturday: field(bool),
  sunday: field(bool),
});

// ---- Translations ----

export const translation = z.looseObject({
  aliases: listOf(str),
  isAlias: field(bool),
  isPrimary: field(bool),
  language: field(str),
  name: field(str),
  overview: field(str),
  /** Only populated for movie translations. */
  tagline: field(str),
});
export const translationExtended = z.looseObject({
  nameTranslations: listOf(translation),
  overviewTranslations: listOf(translation),
  alias: listOf(str),
});
/** Language code → text (`additionalProperties: string` in the document). */
export const translationSimple = z.record(z.string(), z.string());

// ---- Artwork ----

export const artworkStatus = z.looseObject({ id: field(int), name: field(str) });
export const artworkBaseRecord = z.looseObject({
  height: field(int),
  id: field(int),
  image: field(str),
  includesText: field(bool),
  language: field(str),
  score: field(z.number()),
  thumbnail: field(str),
  /** An id from /artwork/types. */
  type: field(int),
  width: field(int),
});
export const artworkExtendedRecord = artworkBaseRecord.extend({
  episodeId: field(int),
  movieId: field(int),
  networkId: field(int),
  peopleId: field(int),
  seasonId: field(int),
  seriesId: field(int),
  seriesPeopleId: field(int),
  status: field(artworkStatus),
  tagOptions: listOf(tagOption),
  thumbnailHeight: field(int),
  thumbnailWidth: field(int),
  updatedAt: field(int),
});

// ---- Characters and companies ----

export const character = z.looseObject({
  aliases: listOf(alias),
  episode: field(recordInfo),
  episodeId: field(int),
  id: field(int),
  image: field(str),
  isFeatured: field(bool),
  movieId: field(int),
  movie: field(recordInfo),
  name: field(str),
  nameTranslations: listOf(str),
  overviewTranslations: listOf(str),
  peopleId: field(int),
  personImgURL: field(str),
  peopleType: field(str),
  seriesId: field(int),
  series: field(recordInfo),
  sort: field(int),
  tagOptions: listOf(tagOption),
  type: field(int),
  url: field(str),
  personName: field(str),
});

export const companyRelationShip = z.looseObject({ id: field(int), typeName: field(str) });
export const parentCompany = z.looseObject({ id: field(int), name: field(str), relation: field(companyRelationShip) });
export const company = z.looseObject({
  activeDate: field(str),
  aliases: listOf(alias),
  country: field(str),
  id: field(int),
  inactiveDate: field(str),
  name: field(str),
  nameTranslations: listOf(str),
  overviewTranslations: listOf(str),
  primaryCompanyType: field(int),
  slug: field(str),
  parentCompany: field(parentCompany),
  tagOptions: listOf(tagOption),
});
/** Companies grouped by role (the document's `Companies`). */
export const companies = z.looseObject({
  studio: listOf(company),
  network: listOf(company),
  production: listOf(company),
  distributor: listOf(company),
  special_effects: listOf(company),
});

export const listBaseRecord = z.looseObject({
  aliases: listOf(alias),
  id: field(int),
  image: field(str),
  imageIsFallback: field(bool),
  isOfficial: field(bool),
  name: field(str),
  nameTranslations: listOf(str),
  overview: field(str),
  overviewTranslations: listOf(str),
  remoteIds: listOf(remoteId),
  tags: listOf(tagOption),
  score: field(int),
  url: field(str),
});

// ---- Seasons and episodes ----

export const seasonBaseRecord = z.looseObject({
  id: field(int),
  image: field(str),
  imageType: field(int),
  lastUpdated: field(str),
  name: field(str),
  nameTranslations: listOf(str),
  number: field(int),
  overviewTranslations: listOf(str),
  companies: field(companies),
  seriesId: field(int),
  type: field(seasonType),
  year: field(str),
});

export const episodeBaseRecord = z.looseObject({
  absoluteNumber: field(int),
  aired: field(str),
  airsAfterSeason: field(int),
  airsBeforeEpisode: field(int),
  airsBeforeSeason: field(int),
  /** season, midseason, or series */
  finaleType: field(str),
  id: field(int),
  image: field(str),
  imageType: field(int),
  isMovie: field(int),
  lastUpdated: field(str),
  linkedMovie: field(int),
  name: field(str),
  nameTranslations: listOf(str),
  number: field(int),
  overview: field(str),
  overviewTranslations: listOf(str),
  runtime: field(int),
  seasonNumber: field(int),
  seasons: listOf(seasonBaseRecord),
  seriesId: field(int),
  seasonName: field(str),
  year: field(str),
});

// ---- Series, movies, people (base records) ----

export const seriesBaseRecord = z.looseObject({
  aliases: listOf(alias),
  averageRuntime: field(int),
  country: field(str),
  defaultSeasonType: field(int),
  episodes: listOf(episodeBaseRecord),
  firstAired: field(str),
  id: field(int),
  image: field(str),
  isOrderRandomized: field(bool),
  lastAired: field(str),
  lastUpdated: field(str),
  name: field(str),
  nameTranslations: listOf(str),
  nextAired: field(str),
  originalCountry: field(str),
  originalLanguage: field(str),
  overviewTranslations: listOf(str),
  score: field(z.number()),
  slug: field(str),
  status: field(status),
  year: field(str),
});

export const movieBaseRecord = z.looseObject({
  aliases: listOf(alias),
  id: field(int),
  image: field(str),
  lastUpdated: field(str),
  name: field(str),
  nameTranslations: listOf(str),
  overviewTranslations: listOf(str),
  score: field(z.number()),
  slug: field(str),
  status: field(status),
  runtime: field(int),
  year: field(str),
});

export const peopleBaseRecord = z.looseObject({
  aliases: listOf(alias),
  id: field(int),
  image: field(str),
  lastUpdated: field(str),
  name: field(str),
  nameTranslations: listOf(str),
  overviewTranslations: listOf(str),
  score: field(int),
});

export const awardNomineeBaseRecord = z.looseObject({
  character: field(character),
  details: field(str),
  episode: field(episodeBaseRecord),
  id: field(int),
  isWinner: field(bool),
  movie: field(movieBaseRecord),
  series: field(seriesBaseRecord),
  year: field(str),
  category: field(str),
  name: field(str),
});

// ---- Extended records ----

/** The document's extended episode repeats the base fields except absoluteNumber and seasonName. */
export const episodeExtendedRecord = episodeBaseRecord.omit({ absoluteNumber: true, seasonName: true }).extend({
  awards: listOf(awardBaseRecord),
  characters: listOf(character),
  companies: listOf(company),
  contentRatings: listOf(contentRating),
  networks: listOf(company),
  nominations: listOf(awardNomineeBaseRecord),
  productionCode: field(str),
  remoteIds: listOf(remoteId),
  studios: listOf(company),
  tagOptions: listOf(tagOption),
  trailers: listOf(trailer),
  translations: field(translationExtended),
});

export const seriesExtendedRecord = seriesBaseRecord.extend({
  abbreviation: field(str),
  airsDays: field(seriesAirsDays),
  airsTime: field(str),
  artworks: listOf(artworkExtendedRecord),
  characters: listOf(character),
  contentRatings: listOf(contentRating),
  lists: listOf(listBaseRecord),
  genres: listOf(genreBaseRecord),
  companies: listOf(company),
  originalNetwork: field(company),
  overview: field(str),
  latestNetwork: field(company),
  remoteIds: listOf(remoteId),
  seasons: listOf(seasonBaseRecord),
  seasonTypes: listOf(seasonType),
  tags: listOf(tagOption),
  trailers: listOf(trailer),
  translations: field(translationExtended),
});

export const movieExtendedRecord = movieBaseRecord.extend({
  artworks: listOf(artworkBaseRecord),
  audioLanguages: listOf(str),
  awards: listOf(awardBaseRecord),
  boxOffice: field(str),
  boxOfficeUS: field(str),
  budget: field(str),
  characters: listOf(character),
  companies: field(companies),
  contentRatings: listOf(contentRating),
  first_release: field(release),
  genres: listOf(genreBaseRecord),
  inspirations: listOf(inspiration),
  lists: listOf(listBaseRecord),
  originalCountry: field(str),
  originalLanguage: field(str),
  production_countries: listOf(productionCountry),
  releases: listOf(release),
  remoteIds: listOf(remoteId),
  spoken_languages: listOf(str),
  studios: listOf(studioBaseRecord),
  subtitleLanguages: listOf(str),
  tagOptions: listOf(tagOption),
  trailers: listOf(trailer),
  translations: field(translationExtended),
});

export const peopleExtendedRecord = peopleBaseRecord.extend({
  awards: listOf(awardBaseRecord),
  biographies: listOf(biography),
  birth: field(str),
  birthPlace: field(str),
  characters: listOf(character),
  death: field(str),
  gender: field(int),
  races: listOf(race),
  remoteIds: listOf(remoteId),
  slug: field(str),
  tagOptions: listOf(tagOption),
  translations: field(translationExtended),
});

// ---- Search and updates ----

/** One hit of /search. Note the document types `id`, `tvdb_id` and `year` as strings. */
export const searchResult = z.looseObject({
  aliases: listOf(str),
  companies: listOf(str),
  companyType: field(str),
  country: field(str),
  director: field(str),
  first_air_time: field(str),
  genres: listOf(str),
  id: field(str),
  image_url: field(str),
  name: field(str),
  is_official: field(bool),
  name_translated: field(str),
  network: field(str),
  objectID: field(str),
  officialList: field(str),
  overview: field(str),
  overviews: field(translationSimple),
  overview_translated: listOf(str),
  poster: field(str),
  posters: listOf(str),
  primary_language: field(str),
  remote_ids: listOf(remoteId),
  status: field(str),
  slug: field(str),
  studios: listOf(str),
  title: field(str),
  thumbnail: field(str),
  translations: field(translationSimple),
  translationsWithLang: listOf(str),
  tvdb_id: field(str),
  type: field(str),
  year: field(str),
});

/** One record of /updates. methodInt: 1 created, 2 updated, 3 deleted. */
export const entityUpdate = z.looseObject({
  entityType: field(str),
  methodInt: field(int),
  method: field(str),
  extraInfo: field(str),
  userId: field(int),
  recordType: field(str),
  recordId: field(int),
  timeStamp: field(int),
  /** Only present for episode records. */
  seriesId: field(int),
  mergeToId: field(int),
  mergeToEntityType: field(str),
});

/** Paging links: absolute URLs of the neighbouring pages, null at the ends. */
export const links = z.looseObject({
  prev: field(str),
  self: field(str),
  // The document does not mark `next` nullable, but the last page sends null (v4-api issue #138).
  next: field(str),
  total_items: field(int),
  page_size: field(int),
});

// ---- Envelopes, one per operation ----

function success<T extends z.ZodType>(data: T) {
  return z.looseObject({ status: z.literal('success'), data });
}
function paged<T extends z.ZodType>(data: T) {
  return z.looseObject({ status: z.literal('success'), data, links });
}

/** POST /login request body. */
export const loginRequest = z.object({ apikey: z.string(), pin: z.string().optional() });
/** POST /login: the token is the whole point of the response, so it is required here. */
export const loginResponse = success(z.looseObject({ token: z.string() }));
/** GET /series?page= (getAllSeries) */
export const seriesAllResponse = paged(z.array(seriesBaseRecord));
/** GET /series/{id} (getSeriesBase) */
export const seriesBaseResponse = success(seriesBaseRecord);
/** GET /series/{id}/extended (getSeriesExtended) */
export const seriesExtendedResponse = success(seriesExtendedRecord);
/** GET /series/{id}/episodes/{season-type} (getSeriesEpisodes) */
export const seriesEpisodesResponse = success(
  z.looseObject({ series: field(seriesBaseRecord), episodes: listOf(episodeBaseRecord) }),
).extend({ links: links.optional() });
/** GET /episodes/{id} (getEpisodeBase) */
export const episodeBaseResponse = success(episodeBaseRecord);
/** GET /episodes/{id}/extended (getEpisodeExtended) */
export const episodeExtendedResponse = success(episodeExtendedRecord);
/** GET /movies/{id} (getMovieBase) */
export const movieBaseResponse = success(movieBaseRecord);
/** GET /movies/{id}/extended (getMovieExtended) */
export const movieExtendedResponse = success(movieExtendedRecord);
/** GET /people/{id} (getPeopleBase) */
export const peopleBaseResponse = success(peopleBaseRecord);
/** GET /people/{id}/extended (getPeopleExtended) */
export const peopleExtendedResponse = success(peopleExtendedRecord);
/** GET /search (getSearchResults) */
export const searchResponse = paged(z.array(searchResult));
/** GET /updates (updates) */
export const updatesResponse = paged(z.array(entityUpdate));
/** Any non-2xx answer (not in the document; see the header). Older responses had no `data`. */
export const failureResponse = z.looseObject({
  status: z.literal('failure'),
  message: z.string(),
  data: z.null().optional(),
});

/** Response schema by the document's operationId. */
export const v4ResponseSchemas = {
  login: loginResponse,
  getAllSeries: seriesAllResponse,
  getSeriesBase: seriesBaseResponse,
  getSeriesExtended: seriesExtendedResponse,
  getSeriesEpisodes: seriesEpisodesResponse,
  getEpisodeBase: episodeBaseResponse,
  getEpisodeExtended: episodeExtendedResponse,
  getMovieBase: movieBaseResponse,
  getMovieExtended: movieExtendedResponse,
  getPeopleBase: peopleBaseResponse,
  getPeopleExtended: peopleExtendedResponse,
  getSearchResults: searchResponse,
  updates: updatesResponse,
  failure: failureResponse,
} as const;
export type V4Operation = keyof typeof v4ResponseSchemas;

export type Alias = z.infer<typeof alias>;
export type ArtworkExtendedRecord = z.infer<typeof artworkExtendedRecord>;
export type Character = z.infer<typeof character>;
export type Company = z.infer<typeof company>;
export type GenreBaseRecord = z.infer<typeof genreBaseRecord>;
export type SeasonBaseRecord = z.infer<typeof seasonBaseRecord>;
export type SeasonType = z.infer<typeof seasonType>;
export type Status = z.infer<typeof status>;
export type EpisodeBaseRecord = z.infer<typeof episodeBaseRecord>;
export type EpisodeExtendedRecord = z.infer<typeof episodeExtendedRecord>;
export type SeriesBaseRecord = z.infer<typeof seriesBaseRecord>;
export type SeriesExtendedRecord = z.infer<typeof seriesExtendedRecord>;
export type MovieBaseRecord = z.infer<typeof movieBaseRecord>;
export type MovieExtendedRecord = z.infer<typeof movieExtendedRecord>;
export type PeopleBaseRecord = z.infer<typeof peopleBaseRecord>;
export type PeopleExtendedRecord = z.infer<typeof peopleExtendedRecord>;
export type SearchResult = z.infer<typeof searchResult>;
export type EntityUpdate = z.infer<typeof entityUpdate>;
export type Links = z.infer<typeof links>;
export type FailureBody = z.infer<typeof failureResponse>;
