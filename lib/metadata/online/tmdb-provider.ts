// TMDB as our OnlineProvider: the TmdbClient's normalised records mapped onto OnlineDetails (a show
// with every season's episodes, each season one request). Images come in TMDB's original size; we
// make our own WebP variants from them.
import type { MatchKind } from '../match';
import type { TmdbCastMember, TmdbClient, TmdbCrewMember } from '../tmdb-client';
import type { OnlineDetails, OnlinePerson, OnlineProvider } from './provider';

const person = (p: TmdbCastMember | TmdbCrewMember, order: number): OnlinePerson => ({
  providerId: String(p.personId),
  name: p.name,
  character: 'character' in p ? p.character : null,
  job: 'job' in p ? p.job : null,
  department: 'department' in p ? p.department : null,
  order: 'order' in p ? p.order : order,
  profile: p.profilePath,
});

const numericId = (id: string) => (/^\d+$/.test(id) ? Number(id) : null);

export function tmdbProvider(client: TmdbClient): OnlineProvider {
  return {
    name: 'tmdb',
    async search(kind, title, year) {
      const results = kind === 'movie' ? await client.searchMovie(title, year ?? undefined) : await client.searchTv(title, year ?? undefined);
      return results.map((r) => ({ provider: 'tmdb', id: String(r.id), title: r.title, originalTitle: r.originalTitle, year: r.year, popularity: r.popularity }));
    },
    async findByExternalId(kind, source, id) {
      const found = await client.findByExternalId(id, source === 'imdb' ? 'imdb_id' : 'tvdb_id');
      const hit = kind === 'movie' ? found.movies[0] : found.shows[0];
      return hit ? String(hit.id) : null;
    },
    async details(kind: MatchKind, id: string): Promise<OnlineDetails | null> {
      const n = numericId(id);
      if (n === null) return null;
      if (kind === 'movie') {
        const m = await client.movie(n);
        if (!m) return null;
        return {
          provider: 'tmdb', id: String(m.id), kind, title: m.title, year: m.year, overview: m.overview, genres: m.genres,
          ids: { tmdb: String(m.id), tvdb: m.tvdbId === null ? null : String(m.tvdbId), imdb: m.imdbId }, rating: m.rating,
          poster: m.posterPath, backdrop: m.backdropPath, cast: m.cast.map(person), crew: m.crew.map(person), seasons: [],
        };
      }
      const s = await client.show(n);
      if (!s) return null;
      const seasons = [];
      for (const summary of s.seasons) {
        const season = await client.season(s.id, summary.number);
        seasons.push({
          number: summary.number,
          title: season?.name ?? summary.name,
          overview: season?.overview ?? summary.overview,
          poster: season?.posterPath ?? summary.posterPath,
          episodes: (season?.episodes ?? []).map((e) => ({ number: e.number, title: e.title, overview: e.overview, airDate: e.airDate, still: e.stillPath })),
        });
      }
      return {
        provider: 'tmdb', id: String(s.id), kind, title: s.title, year: s.year, overview: s.overview, genres: s.genres,
        ids: { tmdb: String(s.id), tvdb: s.tvdbId === null ? null : String(s.tvdbId), imdb: s.imdbId }, rating: s.rating,
        poster: s.posterPath, backdrop: s.backdropPath, cast: s.cast.map(person), crew: s.crew.map(person), seasons,
      };
    },
    image: (path) => client.downloadImage(path, 'original'),
  };
}
