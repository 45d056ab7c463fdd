import { describe, it } from 'vitest';
import { expectParsed, type Expected } from './parse-name.test-support';

const absoluteNumbers: Expected[] = [
  ['[Group] Show - 12 [1080p].mkv', 'episode', 'Show', null, null, 12, { absolute: 12 }],
  ['[SubsPlease] Frieren - 28 (1080p) [A1B2C3D4].mkv', 'episode', 'Frieren', null, null, 28, { absolute: 28 }],
  ['[SubsPlease] Sousou no Frieren - 01 (720p) [0F1E2D3C].mkv', 'episode', 'Sousou no Frieren', null, null, 1, { absolute: 1 }],
  ['[Erai-raws] Spy x Family - 25 [1080p][Multiple Subtitle][5E6F7A8B].mkv', 'episode', 'Spy x Family', null, null, 25, { absolute: 25 }],
  ['[HorribleSubs] One Piece - 1000 [720p].mkv', 'episode', 'One Piece', null, null, 1000, { absolute: 1000 }],
  ['[HorribleSubs] Boruto - Naruto Next Generations - 150 [1080p].mkv', 'episode', 'Boruto - Naruto Next Generations', null, null, 150, { absolute: 150 }],
  ['[Judas] Shingeki no Kyojin - 087 [1080p][HEVC x265 10bit][Multi-Subs].mkv', 'episode', 'Shingeki no Kyojin', null, null, 87, { absolute: 87 }],
  ['[Commie]_Steins;Gate_-_07_[B2A1C3D4].mkv', 'episode', 'Steins;Gate', null, null, 7, { absolute: 7 }],
  ['[Coalgirls]_Clannad_After_Story_-_18_(1280x720_Blu-Ray_FLAC)_[0A1B2C3D].mkv', 'episode', 'Clannad After Story', null, null, 18, { absolute: 18 }],
  ['[FFF] Hanasaku Iroha - 13v2 [A9B8C7D6].mkv', 'episode', 'Hanasaku Iroha', null, null, 13, { absolute: 13 }],
  ['[Group] Show - 12v2 [1080p].mkv', 'episode', 'Show', null, null, 12, { absolute: 12 }],
  ['[Kametsu] Cowboy Bebop - 05 (BD 1080p Hi10 FLAC) [11AA22BB].mkv', 'episode', 'Cowboy Bebop', null, null, 5, { absolute: 5 }],
  ['[Doki] Nichijou - 16 (1280x720 h264 AAC) [3C4D5E6F].mkv', 'episode', 'Nichijou', null, null, 16, { absolute: 16 }],
  ['[EMBER] Chainsaw Man - 03 [1080p] [Dual Audio HEVC WEBRip].mkv', 'episode', 'Chainsaw Man', null, null, 3, { absolute: 3 }],
  ['[ASW] Bocchi the Rock! - 12 [1080p HEVC x265 10Bit][AAC].mkv', 'episode', 'Bocchi the Rock!', null, null, 12, { absolute: 12 }],
  ['[Ohys-Raws] Mob Psycho 100 III - 04 (BS11 1280x720 x264 AAC).mp4', 'episode', 'Mob Psycho 100 III', null, null, 4, { absolute: 4 }],
  ['[Erai-raws] 86 - 11 [1080p][Multiple Subtitle].mkv', 'episode', '86', null, null, 11, { absolute: 11 }],
  ['[SubsPlease] Re Zero kara Hajimeru Isekai Seikatsu - 51 (1080p).mkv', 'episode', 'Re Zero kara Hajimeru Isekai Seikatsu', null, null, 51, { absolute: 51 }],
  ['[HorribleSubs] Gintama - 341 [480p].mkv', 'episode', 'Gintama', null, null, 341, { absolute: 341 }],
  ['[Nep_Blanc] Made in Abyss - 07 [1080p].mkv', 'episode', 'Made in Abyss', null, null, 7, { absolute: 7 }],
  ['[Anime Time] Naruto Shippuden - 500 [1080p][HEVC 10bit x265][AAC][Multi Sub].mkv', 'episode', 'Naruto Shippuden', null, null, 500, { absolute: 500 }],
  ['[Group]_Detective_Conan_1050_[720p].mkv', 'episode', 'Detective Conan', null, null, 1050, { absolute: 1050 }],
  ['[Group] Detective Conan 1050 [720p].mkv', 'episode', 'Detective Conan', null, null, 1050, { absolute: 1050 }],
  ['[Fansub] Yuru Camp 03 (BD 1080p).mkv', 'episode', 'Yuru Camp', null, null, 3, { absolute: 3 }],
  ['[Fansub] Mushishi 05 The Light of the Eyelid [DVD].mkv', 'episode', 'Mushishi', null, null, 5, { absolute: 5 }],
  ['[Fansub].Kaiji.-.09.[720p].mkv', 'episode', 'Kaiji', null, null, 9, { absolute: 9 }],
  ['[Fansub]Hyouka-11[720p][ABCD1234].mkv', 'episode', 'Hyouka', null, null, 11, { absolute: 11 }],
  ['[Fansub] Mononoke [08].mkv', 'episode', 'Mononoke', null, null, 8, { absolute: 8 }],
  ['Bleach - 366 - The Last Sword.mkv', 'episode', 'Bleach', null, null, 366, { absolute: 366 }],
  ['Haikyuu!! - 05 [720p].mkv', 'episode', 'Haikyuu!!', null, null, 5, { absolute: 5 }],
  ['Great Teacher Onizuka - 043 - Tears.avi', 'episode', 'Great Teacher Onizuka', null, null, 43, { absolute: 43 }],
  ['One Piece Episode 1071 VOSTFR 1080p.mp4', 'episode', 'One Piece', null, null, 1071],
  ['Hunter x Hunter (2011) - 131 [BD 1080p].mkv', 'episode', 'Hunter x Hunter', 2011, null, 131, { absolute: 131 }],
  ['[Group] Fullmetal Alchemist Brotherhood (2009) - 64 [BD 1080p].mkv', 'episode', 'Fullmetal Alchemist Brotherhood', 2009, null, 64, { absolute: 64 }],
];

const seasonsAndRanges: Expected[] = [
  ['[Group] Show S2 - 05 (BD 1080p).mkv', 'episode', 'Show', null, 2, 5],
  ['[SubsPlease] Vinland Saga S2 - 24 (1080p) [1A2B3C4D].mkv', 'episode', 'Vinland Saga', null, 2, 24],
  ['[Erai-raws] Kaguya-sama wa Kokurasetai S3 - 13 [1080p].mkv', 'episode', 'Kaguya-sama wa Kokurasetai', null, 3, 13],
  ['[Judas] Dr. Stone S3 - 11 [1080p][HEVC].mkv', 'episode', 'Dr. Stone', null, 3, 11],
  ['[Group] Overlord IV (Season 4) - 06 [720p].mkv', 'episode', 'Overlord IV', null, 4, 6],
  ['[Group] Tensei Shitara Slime Datta Ken 2nd Season - 12 [1080p].mkv', 'episode', 'Tensei Shitara Slime Datta Ken', null, 2, 12],
  ['[Group] Kimetsu no Yaiba 3rd Season - 01 [1080p].mkv', 'episode', 'Kimetsu no Yaiba', null, 3, 1],
  ['[SubsPlease] Jujutsu Kaisen - 25 (1080p).mkv', 'episode', 'Jujutsu Kaisen', null, null, 25, { absolute: 25 }],
  ['[Group] Mushoku Tensei - 01-12 [BD 1080p] (Batch)', 'episode', 'Mushoku Tensei', null, null, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { absolute: 1 }],
  ['[Group] Natsume Yuujinchou - 01~13 [BD 720p]', 'episode', 'Natsume Yuujinchou', null, null, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], { absolute: 1 }],
  ['[Group] Space Dandy - 03 ~ 05 [720p]', 'episode', 'Space Dandy', null, null, [3, 4, 5], { absolute: 3 }],
  ['Monster - 045-046 [DVD].mkv', 'episode', 'Monster', null, null, [45, 46], { absolute: 45 }],
  ['[Group] Tokyo Ghoul S01E05 [1080p].mkv', 'episode', 'Tokyo Ghoul', null, 1, 5],
  ['[Group] Attack on Titan - S04E28 - The Dawn of Humanity [1080p].mkv', 'episode', 'Attack on Titan', null, 4, 28],
  ['Cowboy Bebop S01E05 Ballad of Fallen Angels.mkv', 'episode', 'Cowboy Bebop', null, 1, 5],
  ['Anime/Mob Psycho 100/Season 2/[Group] Mob Psycho 100 II - 05 [1080p].mkv', 'episode', 'Mob Psycho 100 II', null, 2, 5, { absolute: 5 }],
  ['[Group] Monogatari Series - SP1 [1080p].mkv', 'movie', 'Monogatari Series - SP1', null, null, null],
];

const moviesAndUnicode: Expected[] = [
  ['[Group] Kimi no Na wa. (2016) [BD 1080p].mkv', 'movie', 'Kimi no Na wa', 2016, null, null],
  ['[Group] Koe no Katachi (2016) [BDRip 1920x1080 HEVC FLAC].mkv', 'movie', 'Koe no Katachi', 2016, null, null],
  ['[Group] Akira (1988) [BD 2160p HDR].mkv', 'movie', 'Akira', 1988, null, null],
  ['[Group] Sen to Chihiro no Kamikakushi [BD 1080p x265][ABCDEF12].mkv', 'movie', 'Sen to Chihiro no Kamikakushi', null, null, null],
  ['[Group] Evangelion 3.33 You Can (Not) Redo v2 (BD 1080p).mkv', 'movie', 'Evangelion 3 33 You Can (Not) Redo', null, null, null],
  ['[Group] 5 Centimeters per Second (BD 1080p FLAC).mkv', 'movie', '5 Centimeters per Second', null, null, null],
  ['[Group][Tenki no Ko][BDRip][1080p][HEVC].mkv', 'movie', 'Tenki no Ko', null, null, null],
  ['[字幕组][间谍过家家/Spy x Family][05][1080P][GB].mp4', 'episode', 'Spy x Family', null, null, 5, { absolute: 5 }],
  ['[字幕组][进击的巨人][Attack on Titan][2013][12][BIG5][1080P]', 'episode', 'Attack on Titan', 2013, null, 12, { absolute: 12 }],
  ['【字幕组】[咒术回战_Jujutsu Kaisen][24][1080P][简体]', 'episode', 'Jujutsu Kaisen', null, null, 24, { absolute: 24 }],
  ['[Group] My Show - １２ [1080p].mkv', 'episode', 'My Show', null, null, 12, { absolute: 12 }],
  ['[Group] Ｆｒｅｅ！ - 04 [720p].mkv', 'episode', 'Ｆｒｅｅ！', null, null, 4, { absolute: 4 }],
  ['[Group] Kaguya-sama：Love is War - 07 [1080p].mkv', 'episode', 'Kaguya-sama：Love is War', null, null, 7, { absolute: 7 }],
];

describe('parseMediaPath: anime', () => {
  it.each(absoluteNumbers)('absolute number %s', (...row) => expectParsed(row));
  it.each(seasonsAndRanges)('season or range %s', (...row) => expectParsed(row));
  it.each(moviesAndUnicode)('movie or unicode %s', (...row) => expectParsed(row));
});
