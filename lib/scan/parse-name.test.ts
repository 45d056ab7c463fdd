import { describe, expect, it } from 'vitest';
import { parseMediaPath } from './parse-name';
import { expectParsed, type Expected } from './parse-name.test-support';

const seasonFolders: Expected[] = [
  ['Show/Season 1/Episode 1.mkv', 'episode', 'Show', null, 1, 1],
  ['Show/Season 1/01 - Title.mkv', 'episode', 'Show', null, 1, 1],
  ['Show (2019)/Season 02/02x05 - Title.mkv', 'episode', 'Show', 2019, 2, 5],
  ['The Expanse/Season 3/05 - Triple Point.mkv', 'episode', 'The Expanse', null, 3, 5],
  ['The Expanse/Season 03/S03E05 - Triple Point.mkv', 'episode', 'The Expanse', null, 3, 5],
  ['The Expanse/S03/The.Expanse.S03E05.1080p.mkv', 'episode', 'The Expanse', null, 3, 5],
  ['Doctor Who (2005)/Series 4/Doctor Who (2005) - S04E01 - Partners in Crime.mkv', 'episode', 'Doctor Who', 2005, 4, 1],
  ['Doctor Who (2005)/Specials/Doctor Who (2005) - S00E04 - The Next Doctor.mkv', 'episode', 'Doctor Who', 2005, 0, 4],
  ['Doctor Who (2005)/Specials/The Next Doctor.mkv', 'episode', 'Doctor Who', 2005, 0, null],
  ['Futurama/Season 7/7. Jurassic Bark.avi', 'episode', 'Futurama', null, 7, 7],
  ['Futurama/Saison 4/12 - Jurassic Bark.avi', 'episode', 'Futurama', null, 4, 12],
  ['Dark/Staffel 2/03.mkv', 'episode', 'Dark', null, 2, 3],
  ['Dark/Staffel 2/Episode 03 - Ghosts.mkv', 'episode', 'Dark', null, 2, 3],
  ['The Crown/Season 4/E07 - The Hereditary Principle.mkv', 'episode', 'The Crown', null, 4, 7],
  ['The Crown/Season 4/07-08 - Double Bill.mkv', 'episode', 'The Crown', null, 4, [7, 8]],
  ['Planet Earth II/Season 1/2 - Mountains.mkv', 'episode', 'Planet Earth II', null, 1, 2],
  ['Twin Peaks (1990)/Season 02/Twin.Peaks.S02E08.720p.BluRay.mkv', 'episode', 'Twin Peaks', 1990, 2, 8],
  ['The Wire/The.Wire.S04.720p.BluRay.x264-GROUP/the.wire.s04e13.720p.bluray.x264-group.mkv', 'episode', 'The Wire', null, 4, 13],
  ['Zoo.S02E05.1080p.WEB-DL.DD5.1.H.264-GRP/160725_02.mkv', 'episode', 'Zoo', null, 2, 5],
  ['Atlanta.S03E02.1080p.WEB.H264-GLHF/a8f3c2d19b.mkv', 'episode', 'Atlanta', null, 3, 2],
  ['TV Shows/Shameless (US)/Season 11/Shameless (US) - S11E12 - Father Frank.mkv', 'episode', 'Shameless (US)', null, 11, 12],
  ['Show/Season 1/Show S01E01.mkv', 'episode', 'Show', null, 1, 1, { hint: 'tv' }],
  ['Show Name (2010)/Season 1/show.name.s01e01.720p.mkv', 'episode', 'Show Name', 2010, 1, 1, { hint: 'tv' }],
  ['The Office (US)/Season 2/The.Office.US.S02E01.mkv', 'episode', 'The Office (US)', null, 2, 1, { hint: 'tv' }],
  ['Some Show/Specials/Some Show - Behind the Music.mkv', 'episode', 'Some Show', null, 0, null, { hint: 'tv' }],
  ['Seinfeld/Seinfeld - The Contest.mkv', 'episode', 'Seinfeld', null, null, null, { hint: 'tv' }],
];

const providerIds: Expected[] = [
  ['The Matrix (1999) [tmdbid-603]/The Matrix (1999).mkv', 'movie', 'The Matrix', 1999, null, null, { ids: { tmdb: '603' } }],
  ['The Matrix (1999) {tmdb-603}.mkv', 'movie', 'The Matrix', 1999, null, null, { ids: { tmdb: '603' } }],
  ['The Matrix (1999) [imdbid-tt0133093].mkv', 'movie', 'The Matrix', 1999, null, null, { ids: { imdb: 'tt0133093' } }],
  ['The.Matrix.1999.tt0133093.1080p.BluRay.mkv', 'movie', 'The Matrix', 1999, null, null, { ids: { imdb: 'tt0133093' } }],
  ['The Matrix (1999) {imdb-tt0133093} {tmdb-603}.mkv', 'movie', 'The Matrix', 1999, null, null, { ids: { imdb: 'tt0133093', tmdb: '603' } }],
  ['Buffy the Vampire Slayer [tvdbid-70327]/Season 3/Buffy - S03E10.mkv', 'episode', 'Buffy', null, 3, 10, { ids: { tvdb: '70327' } }],
  ['Stargate SG-1 (1997) [tvdbid-72449]/Season 01/Episode 01.mkv', 'episode', 'Stargate SG-1', 1997, 1, 1, { ids: { tvdb: '72449' } }],
  ['Show [tvdbid-81189]/Season 1/Show S01E01.mkv', 'episode', 'Show', null, 1, 1, { ids: { tvdb: '81189' } }],
  ['Heat (1995) [tmdbid=949]/Heat.mkv', 'movie', 'Heat', 1995, null, null, { ids: { tmdb: '949' } }],
];

const extras: Expected[] = [
  ['The.Matrix.1999.1080p.BluRay.x264-GROUP-sample.mkv', 'movie', 'The Matrix', 1999, null, null, { extra: 'sample' }],
  ['sample-the.matrix.1999.1080p.mkv', 'movie', 'The Matrix', 1999, null, null, { extra: 'sample' }],
  ['The.Matrix.1999.1080p.BluRay.x264-GROUP/Sample/the.matrix.sample.mkv', 'movie', 'The Matrix', 1999, null, null, { extra: 'sample' }],
  ['The Matrix (1999)/The Matrix (1999)-trailer.mkv', 'movie', 'The Matrix', 1999, null, null, { extra: 'trailer' }],
  ['The Matrix (1999)/Trailers/Official Trailer 2.mkv', 'movie', 'The Matrix', 1999, null, null, { extra: 'trailer' }],
  ['The Matrix (1999)/Featurettes/Making Of.mkv', 'movie', 'The Matrix', 1999, null, null, { extra: 'extra' }],
  ['The Matrix (1999)/Extras/Bloopers.mkv', 'movie', 'The Matrix', 1999, null, null, { extra: 'extra' }],
  ['The Matrix (1999)/Behind The Scenes/Stunts.mkv', 'movie', 'The Matrix', 1999, null, null, { extra: 'extra' }],
  ['The Matrix (1999)/Deleted Scenes/Club Hel.mkv', 'movie', 'The Matrix', 1999, null, null, { extra: 'extra' }],
  ['Heat (1995)/Heat (1995)-featurette.mkv', 'movie', 'Heat', 1995, null, null, { extra: 'extra' }],
  ['Heat (1995)/Heat (1995)-behindthescenes.mkv', 'movie', 'Heat', 1995, null, null, { extra: 'extra' }],
  ['Breaking Bad/Season 5/Extras/Inside Breaking Bad.mkv', 'episode', 'Breaking Bad', null, 5, null, { extra: 'extra' }],
  ['Breaking.Bad.S05E14.720p.HDTV.x264-EVOLVE/Sample/breaking.bad.s05e14.720p.hdtv.x264-evolve.sample.mkv', 'episode', 'Breaking Bad', null, 5, 14, { extra: 'sample' }],
  ['The Other Guys (2010).mkv', 'movie', 'The Other Guys', 2010, null, null, { extra: null }],
  ['Trailer Park Boys/Season 1/Trailer Park Boys - S01E01.mkv', 'episode', 'Trailer Park Boys', null, 1, 1, { extra: null }],
];

const libraryHints: Expected[] = [
  ['Holiday/2019-07-04 Fireworks.mp4', 'unknown', '2019-07-04 Fireworks', null, null, null, { hint: 'videos' }],
  ['Birthday Party.MOV', 'unknown', 'Birthday Party', null, null, null, { hint: 'videos' }],
  ['Concerts/Band.Live.at.Wembley.2019.1080p.mkv', 'unknown', 'Band Live at Wembley', 2019, null, null, { hint: 'videos' }],
  ['Clips/my_cat_jumping.mp4', 'unknown', 'My Cat Jumping', null, null, null, { hint: 'videos' }],
  ['The Matrix (1999)/The Matrix.mkv', 'movie', 'The Matrix', 1999, null, null, { hint: 'movies' }],
  ['Se7en/Se7en.mkv', 'movie', 'Se7en', null, null, null, { hint: 'movies' }],
  ['The.Office.US.S01E01.mkv', 'movie', 'The Office US S01E01', null, null, null, { hint: 'movies' }],
  ['Mission Impossible - Fallout (2018)/Mission.Impossible.Fallout.2018.2160p.mkv', 'movie', 'Mission Impossible - Fallout', 2018, null, null, { hint: 'movies' }],
  ['Apollo 13 (1995)/Apollo 13 (1995) - 1080p.mkv', 'movie', 'Apollo 13', 1995, null, null, { hint: 'movies' }],
];

const oddPaths: Expected[] = [
  ['D:\\Media\\Movies\\Heat (1995)\\Heat (1995).mkv', 'movie', 'Heat', 1995, null, null],
  ['/mnt/media/tv/Lost/Season 1/Lost - S01E01 - Pilot (1).mkv', 'episode', 'Lost', null, 1, 1],
  ['Lost//Season 1//Lost.S01E02.mkv', 'episode', 'Lost', null, 1, 2],
  ['Movies/Heat (1995)/Heat.1995.1080p.BluRay.x264.en.srt', 'movie', 'Heat', 1995, null, null],
  ['Movies/Heat (1995)/Heat.1995.nfo', 'movie', 'Heat', 1995, null, null],
  ['Show.Name.S01E01.720p.HDTV.x264-GRP[rarbg]', 'episode', 'Show Name', null, 1, 1],
  ['[Group] Title/[Group] Title - 05 [1080p].mkv', 'episode', 'Title', null, null, 5, { absolute: 5 }],
];

describe('parseMediaPath: paths and folders', () => {
  it.each(seasonFolders)('season folder or show folder %s', (...row) => expectParsed(row));
  it.each(providerIds)('provider ids %s', (...row) => expectParsed(row));
  it.each(extras)('extras %s', (...row) => expectParsed(row));
  it.each(libraryHints)('library hint %s', (...row) => expectParsed(row));
  it.each(oddPaths)('odd path %s', (...row) => expectParsed(row));

  it('is pure: the same input gives the same answer', () => {
    const path = 'Show (2019)/Season 02/02x05 - Title.mkv';
    expect(parseMediaPath(path)).toEqual(parseMediaPath(path));
  });

  it('returns an empty reading for an empty path', () => {
    expect(parseMediaPath('')).toMatchObject({ type: 'movie', title: null, year: null, episode: null });
  });
});
