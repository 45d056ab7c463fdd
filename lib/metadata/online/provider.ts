// What an online metadata provider gives us, whichever it is (TMDB today): search candidates and
// normalised details for a movie or a show (with its seasons and episodes, cast and crew), and
// image bytes by the provider's own image path.
import type { Candidate, MatchKind } from '../match';

export type OnlinePerson = { providerId: string; name: string; character?: string | null; job?: string | null; department?: string | null; order: number; profile: string | null };

export type OnlineEpisode = { number: number; title: string | null; overview: string | null; airDate: string | null; still: string | null };
export type OnlineSeason = { number: number; title: string | null; overview: string | null; poster: string | null; episodes: OnlineEpisode[] };

export type OnlineDetails = {
  provider: string;
  id: string;
  kind: MatchKind;
  title: string;
  year: number | null;
  overview: string | null;
  genres: string[];
  ids: { tmdb: string | null; tvdb: string | null; imdb: string | null };
  /** The community rating, 0–10, when the provider has a meaningful one (TMDB's vote_average; TheTVDB's score is a popularity count, not a rating). */
  rating?: number | null;
  poster: string | null;
  backdrop: string | null;
  cast: OnlinePerson[];
  crew: OnlinePerson[];
  /** Shows only: every season with its episodes. */
  seasons: OnlineSeason[];
};

export interface OnlineProvider {
  readonly name: string;
  search(kind: MatchKind, title: string, year: number | null): Promise<Candidate[]>;
  /** The provider's id for an IMDb or TheTVDB id, or null. */
  findByExternalId(kind: MatchKind, source: 'imdb' | 'tvdb', id: string): Promise<string | null>;
  /** Null when the provider has no such record. */
  details(kind: MatchKind, id: string): Promise<OnlineDetails | null>;
  image(path: string): Promise<Buffer>;
}
