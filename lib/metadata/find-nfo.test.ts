import { describe, expect, it } from 'vitest';
import { findNfo } from './find-nfo';
import type { NfoKind } from './nfo';

describe('findNfo', () => {
  it.each<[string, string[], string | null, NfoKind, string | null]>([
    ['movie: <name>.nfo', ['Heat (1995).mkv', 'Heat (1995).nfo', 'movie.nfo'], 'Heat (1995).mkv', 'movie', 'Heat (1995).nfo'],
    ['movie: movie.nfo when there is no <name>.nfo', ['Heat (1995).mkv', 'movie.nfo'], 'Heat (1995).mkv', 'movie', 'movie.nfo'],
    ['movie: case-insensitive, original case returned', ['heat (1995).MKV', 'HEAT (1995).NFO'], 'heat (1995).MKV', 'movie', 'HEAT (1995).NFO'],
    ['movie: Movie.NFO', ['a.mkv', 'Movie.NFO'], 'a.mkv', 'movie', 'Movie.NFO'],
    ['movie: stacked parts share the NFO', ['Heat cd1.avi', 'Heat cd2.avi', 'Heat.nfo'], 'Heat cd1.avi', 'movie', 'Heat.nfo'],
    ['movie: part-specific NFO first', ['Heat part1.avi', 'Heat part1.nfo', 'Heat.nfo'], 'Heat part1.avi', 'movie', 'Heat part1.nfo'],
    ['movie: dots in the name', ['The.Matrix.1999.1080p.mkv', 'The.Matrix.1999.1080p.nfo'], 'The.Matrix.1999.1080p.mkv', 'movie', 'The.Matrix.1999.1080p.nfo'],
    ['movie: another movie’s NFO is not ours', ['Heat.mkv', 'Ronin.nfo'], 'Heat.mkv', 'movie', null],
    ['movie: tvshow.nfo is not a movie NFO', ['Heat.mkv', 'tvshow.nfo'], 'Heat.mkv', 'movie', null],
    ['tvshow: tvshow.nfo', ['Season 01', 'tvshow.nfo', 'poster.jpg'], null, 'tvshow', 'tvshow.nfo'],
    ['tvshow: TVShow.nfo', ['TVShow.nfo'], null, 'tvshow', 'TVShow.nfo'],
    ['tvshow: none', ['Season 01', 'show.nfo'], null, 'tvshow', null],
    ['episode: <name>.nfo', ['Show - S01E02.mkv', 'Show - S01E02.nfo', 'Show - S01E03.nfo'], 'Show - S01E02.mkv', 'episodedetails', 'Show - S01E02.nfo'],
    ['episode: never movie.nfo or tvshow.nfo', ['Show - S01E02.mkv', 'movie.nfo', 'tvshow.nfo'], 'Show - S01E02.mkv', 'episodedetails', null],
    ['episode: a path is reduced to its name', ['S01E02.nfo'], '/tv/Show/Season 01/S01E02.mkv', 'episodedetails', 'S01E02.nfo'],
    ['episode: no media name', ['S01E02.nfo'], null, 'episodedetails', null],
  ])('%s', (_, entries, media, kind, expected) => {
    expect(findNfo(entries, media, kind)).toBe(expected);
  });
});
