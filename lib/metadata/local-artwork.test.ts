import { describe, expect, it } from 'vitest';
import { type ArtworkScope, type LocalArtwork, pickLocalArtwork } from './local-artwork';

const none: LocalArtwork = { poster: null, backdrop: null, thumb: null, seasonPosters: [] };

describe('pickLocalArtwork', () => {
  it.each<[string, string[], string | null, ArtworkScope, Partial<LocalArtwork>]>([
    // Movies
    ['movie: poster.jpg and fanart.jpg', ['Heat.mkv', 'poster.jpg', 'fanart.jpg'], 'Heat.mkv', 'movie', { poster: 'poster.jpg', backdrop: 'fanart.jpg' }],
    ['movie: folder.jpg', ['Heat.mkv', 'folder.jpg'], 'Heat.mkv', 'movie', { poster: 'folder.jpg' }],
    ['movie: cover.png', ['Heat.mkv', 'cover.png'], 'Heat.mkv', 'movie', { poster: 'cover.png' }],
    ['movie: poster beats folder beats cover', ['cover.jpg', 'folder.jpg', 'poster.webp'], 'Heat.mkv', 'movie', { poster: 'poster.webp' }],
    ['movie: <name>-poster beats poster', ['Heat-poster.jpg', 'poster.jpg'], 'Heat.mkv', 'movie', { poster: 'Heat-poster.jpg' }],
    ['movie: bare <name>.jpg is the last resort', ['Heat.jpg'], 'Heat.mkv', 'movie', { poster: 'Heat.jpg' }],
    ['movie: poster.jpg beats <name>.jpg', ['Heat.jpg', 'poster.jpg'], 'Heat.mkv', 'movie', { poster: 'poster.jpg' }],
    ['movie: jpg beats png for one name', ['poster.png', 'poster.jpg'], 'Heat.mkv', 'movie', { poster: 'poster.jpg' }],
    ['movie: jpeg and webp count', ['poster.jpeg', 'backdrop.webp'], 'Heat.mkv', 'movie', { poster: 'poster.jpeg', backdrop: 'backdrop.webp' }],
    ['movie: case-insensitive, original case kept', ['POSTER.JPG', 'FanArt.Jpg'], 'Heat.mkv', 'movie', { poster: 'POSTER.JPG', backdrop: 'FanArt.Jpg' }],
    ['movie: <name>-fanart beats fanart', ['Heat-fanart.jpg', 'fanart.jpg'], 'Heat.mkv', 'movie', { backdrop: 'Heat-fanart.jpg' }],
    ['movie: background.jpg', ['background.jpg'], 'Heat.mkv', 'movie', { backdrop: 'background.jpg' }],
    ['movie: <name>-thumb and landscape', ['Heat-thumb.jpg', 'landscape.jpg'], 'Heat.mkv', 'movie', { thumb: 'Heat-thumb.jpg' }],
    ['movie: stacked parts share <name>-poster', ['Heat cd1.avi', 'Heat-poster.jpg'], 'Heat cd1.avi', 'movie', { poster: 'Heat-poster.jpg' }],
    ['movie: other movies’ art is not ours', ['Ronin-poster.jpg', 'Ronin-fanart.jpg', 'Ronin.jpg'], 'Heat.mkv', 'movie', {}],
    ['movie: not images', ['poster.txt', 'fanart.gif', 'poster.jpg.part'], 'Heat.mkv', 'movie', {}],
    // Shows and seasons
    [
      'show: folder art and season posters',
      ['tvshow.nfo', 'poster.jpg', 'fanart.jpg', 'season01-poster.jpg', 'season02-poster.png', 'season-specials-poster.jpg', 'season-all-poster.jpg', 'Season 01'],
      null,
      'show',
      {
        poster: 'poster.jpg',
        backdrop: 'fanart.jpg',
        seasonPosters: [
          { season: 0, file: 'season-specials-poster.jpg' },
          { season: 1, file: 'season01-poster.jpg' },
          { season: 2, file: 'season02-poster.png' },
        ],
      },
    ],
    ['show: season00 is specials; jpg wins over png', ['Season00-Poster.PNG', 'season00-poster.jpg', 'season10-poster.jpg'], null, 'show', {
      seasonPosters: [{ season: 0, file: 'season00-poster.jpg' }, { season: 10, file: 'season10-poster.jpg' }],
    }],
    ['show: a file name does not pick <name>.jpg', ['Show.jpg'], 'Show.mkv', 'show', {}],
    ['season: folder.jpg in the season folder', ['S01E01.mkv', 'folder.jpg'], null, 'season', { poster: 'folder.jpg' }],
    // Episodes
    ['episode: <name>-thumb', ['S01E01.mkv', 'S01E01-thumb.jpg', 'folder.jpg', 'fanart.jpg'], 'S01E01.mkv', 'episode', { thumb: 'S01E01-thumb.jpg' }],
    ['episode: <name>.jpg when there is no -thumb', ['S01E01.mkv', 'S01E01.jpg'], 'S01E01.mkv', 'episode', { thumb: 'S01E01.jpg' }],
    ['episode: -thumb beats <name>.jpg', ['S01E01.jpg', 'S01E01-thumb.png'], 'S01E01.mkv', 'episode', { thumb: 'S01E01-thumb.png' }],
    ['episode: the season’s folder.jpg is not the episode’s', ['S01E01.mkv', 'folder.jpg', 'poster.jpg'], 'S01E01.mkv', 'episode', {}],
    ['episode: the next episode’s thumb is not ours', ['S01E01.mkv', 'S01E02-thumb.jpg'], 'S01E01.mkv', 'episode', {}],
  ])('%s', (_, entries, media, scope, expected) => {
    expect(pickLocalArtwork(entries, media, scope)).toEqual({ ...none, ...expected });
  });
});
