import { describe, expect, it } from 'vitest';
import { episodeThumb, frameSource, movieArtwork, seasonPoster, showArtwork, type ArtSource, type VideoSource } from './item-artwork';

const video = (path: string, duration: number | null = 100, hasVideo = true): VideoSource => ({ path, size: 10, mtimeMs: 1, duration, hasVideo });
const file = (path: string): ArtSource => ({ type: 'file', path });
const frame = (v: VideoSource, at: number): ArtSource => ({ type: 'frame', video: v, at });

describe('movieArtwork', () => {
  const v = video('/m/Heat/Heat.mkv', 120);

  it('local poster and fanart first, then a frame at a tenth', () => {
    const art = movieArtwork({ folder: '/m/Heat', entries: ['Heat.mkv', 'poster.jpg', 'fanart.jpg'] }, v, 'Heat.mkv');
    expect(art.poster).toEqual([file('/m/Heat/poster.jpg'), frame(v, 12)]);
    expect(art.backdrop).toEqual([file('/m/Heat/fanart.jpg'), frame(v, 12)]);
  });
  it('only a frame when there is no artwork', () => {
    expect(movieArtwork({ folder: '/m/Heat', entries: ['Heat.mkv'] }, v, 'Heat.mkv')).toEqual({ poster: [frame(v, 12)], backdrop: [frame(v, 12)] });
  });
  it('nothing to grab from a file without video', () => {
    const audio = video('/m/a.mka', 100, false);
    expect(movieArtwork({ folder: '/m', entries: [] }, audio, 'a.mka')).toEqual({ poster: [], backdrop: [] });
  });
  it('an unknown duration grabs at 0', () => {
    expect(frameSource(video('/x.mkv', null))).toEqual([frame(video('/x.mkv', null), 0)]);
  });
});

describe('shows, seasons, episodes', () => {
  const show = { folder: '/tv/Wire', entries: ['tvshow.nfo', 'folder.jpg', 'backdrop.png', 'season02-poster.jpg', 'Season 01', 'Season 02'] };
  const ep = video('/tv/Wire/Season 01/Wire - S01E01.mkv', 60);

  it('show: folder art, then a frame of the first episode', () => {
    expect(showArtwork(show, ep)).toEqual({ poster: [file('/tv/Wire/folder.jpg'), frame(ep, 6)], backdrop: [file('/tv/Wire/backdrop.png'), frame(ep, 6)] });
    expect(showArtwork(null, ep)).toEqual({ poster: [frame(ep, 6)], backdrop: [frame(ep, 6)] });
    expect(showArtwork(null, null)).toEqual({ poster: [], backdrop: [] });
  });

  it('season: seasonNN-poster in the show folder, then the season folder’s poster', () => {
    const s1 = { folder: '/tv/Wire/Season 01', entries: ['poster.jpg', 'e1.mkv'] };
    const s2 = { folder: '/tv/Wire/Season 02', entries: ['cover.jpg'] };
    expect(seasonPoster(1, show, [s1])).toEqual([file('/tv/Wire/Season 01/poster.jpg')]);
    expect(seasonPoster(2, show, [s2])).toEqual([file('/tv/Wire/season02-poster.jpg'), file('/tv/Wire/Season 02/cover.jpg')]);
    expect(seasonPoster(3, show, [])).toEqual([]);
  });
  it('season: a show folder holding the episodes is not a season folder', () => {
    expect(seasonPoster(1, show, [show])).toEqual([]);
  });

  it('episode: <name>-thumb beside the file, else a frame of it', () => {
    const folder = { folder: '/tv/Wire/Season 01', entries: ['Wire - S01E01.mkv', 'Wire - S01E01-thumb.jpg', 'poster.jpg'] };
    expect(episodeThumb(folder, ep, 'Wire - S01E01.mkv')).toEqual([file('/tv/Wire/Season 01/Wire - S01E01-thumb.jpg'), frame(ep, 6)]);
    expect(episodeThumb({ ...folder, entries: ['poster.jpg'] }, ep, 'Wire - S01E01.mkv')).toEqual([frame(ep, 6)]);
  });
});
