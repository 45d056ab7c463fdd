// Naming rules as data: file extensions, release-junk tokens, folder names with a meaning, and the
// year range. The parser compiles these once; changing what it recognises means editing a table
// here, not the code that reads it.

/** Extensions we treat as playable video (lower case, no dot). */
export const VIDEO_EXTENSIONS: readonly string[] = [
  '3gp', 'asf', 'avi', 'divx', 'dvr-ms', 'f4v', 'flv', 'iso', 'm2ts', 'm4v', 'mk3d', 'mkv', 'mov',
  'mp4', 'mpeg', 'mpg', 'mts', 'ogm', 'ogv', 'rm', 'rmvb', 'strm', 'ts', 'vob', 'webm', 'wmv', 'wtv',
];

/** Side files that sit next to videos and are named like them: stripped the same way. */
export const SIDECAR_EXTENSIONS: readonly string[] = [
  'ass', 'idx', 'nfo', 'smi', 'srt', 'ssa', 'sub', 'sup', 'torrent', 'vtt',
];

/** Years outside this range are never read as a release year (2049 in "Blade Runner 2049" stays title). */
export const MIN_YEAR = 1880;
export const MAX_YEAR = 2039;

export type TokenCategory =
  | 'resolution' | 'source' | 'codec' | 'audio' | 'hdr' | 'edition' | 'pack' | 'language' | 'streaming' | 'misc' | 'size';

/**
 * A release token. `strong` tokens always mark the end of a title; `weak` ones are ordinary words
 * too ("Web", "Proper", "German"), so they only count when written in capitals or when another
 * release token follows them. Patterns are regex source, matched case-insensitively between
 * separators.
 */
export type ReleaseTokenRule = { category: TokenCategory; strength: 'strong' | 'weak'; patterns: readonly string[] };

export const RELEASE_TOKEN_RULES: readonly ReleaseTokenRule[] = [
  {
    category: 'resolution',
    strength: 'strong',
    patterns: ['\\d{3,4}[pi]', '[48]k', 'ultra-?hd', 'uhd', 'fhd', '\\d{3,4} ?[x*] ?\\d{3,4}', '\\d{3,4}p\\d{2}'],
  },
  { category: 'resolution', strength: 'weak', patterns: ['hd', 'sd', 'hq', 'lq', '480', '576', '720', '1080', '2160'] },
  {
    category: 'source',
    strength: 'strong',
    patterns: [
      'blu-?ray(?:-?rip)?', 'bluraymux', 'bd-?rip', 'br-?rip', 'bd-?remux', 'bd(?:25|50|66|100)?', 'bdmv', 'bdiso',
      'web-?dl(?:rip|mux)?', 'web-?rip', 'webhd', 'web-?cap', 'hdtv(?:rip|mux)?', 'pdtv', 'sdtv', 'ahdtv', 'uhdtv',
      'hdtvrip', 'tv-?rip', 'dsr(?:ip)?', 'sat-?rip', 'dvb(?:-?rip)?', 'dvd-?rip', 'dvd-?r', 'dvd[59]', 'dvd-?scr',
      'dvdmux', 'dvd', 'hd-?dvd', 'hd-?rip', 'hdcam', 'cam-?rip', 'hdts', 'telesync', 'telecine', 'ppv(?:rip)?',
      'vhs-?rip', 'remux', 'dlmux', 'wbbrip', 'desiscr', 'dvdivx', 'r[56]', 'hdlight', 'webdlrip',
    ],
  },
  { category: 'source', strength: 'weak', patterns: ['web', 'cam', 'ts', 'tc', 'scr', 'screener', 'rip', 'vhs', 'tv'] },
  {
    category: 'codec',
    strength: 'strong',
    patterns: [
      '[xh][ .]?26[45]', 'hevc', 'avc', 'xvid', 'divx', 'vc-?1', 'mpeg-?[24]', 'vp9', 'av1', '1[02]-?bits?',
      '8-?bits?', 'hi1[02]p?', 'yuv420p10', 'nvenc',
    ],
  },
  {
    category: 'audio',
    strength: 'strong',
    patterns: [
      'aac(?:[ .]?\\d[ .]\\d)?(?:-?lc)?', 'he-?aac', 'e?ac-?3d?', 'e-?ac-?3', 'dd(?:p|\\+)?[ .]?[257](?:[ .][01])?',
      'ddp', 'dd\\+', 'dts(?:-?hd)?(?:-?ma)?(?:-?x)?(?:-?es)?', 'true-?hd', 'atmos', 'flac(?:x\\d)?', 'mp3',
      'l?pcm', 'dual[ .-]?audio', 'multi-?audio', 'dolby(?:[ .]?digital)?', '[257][ .][01]ch', '\\dch',
    ],
  },
  { category: 'audio', strength: 'weak', patterns: ['[57][ .]1', '2[ .]0', 'opus', 'ma', 'dual'] },
  { category: 'hdr', strength: 'strong', patterns: ['hdr(?:10)?(?:\\+|plus)?', 'dovi', 'dolby[ .]?vision', 'sdr', 'hlg'] },
  { category: 'hdr', strength: 'weak', patterns: ['dv'] },
  {
    category: 'edition',
    strength: 'weak',
    patterns: [
      'extended(?:[ .]cut|[ .]edition)?', 'unrated', 'uncut', 'uncensored', 'remastered', 'theatrical(?:[ .]cut)?',
      "director'?s[ .]cut", 'directors', 'dc', 'special[ .]edition', "collector'?s?[ .]edition", 'criterion',
      'imax', 'open[ .]matte', 'final[ .]cut', 'ultimate[ .]edition', 'anniversary[ .]edition', 'restored', 'recut',
      'limited', 'fan[ .]edit', 'alternate[ .]cut', 'edition',
    ],
  },
  { category: 'pack', strength: 'weak', patterns: ['complete', 'batch', 'full[ .]season', 'season[ .]pack'] },
  {
    category: 'language',
    strength: 'weak',
    patterns: [
      'multi(?:-?subs?)?', 'vostfr', 'vost', 'vff', 'vfq', 'vf', 'truefrench', 'french', 'fr', 'german', 'deutsch',
      'ger', 'english', 'eng', 'en', 'spanish', 'castellano', 'espanol', 'español', 'latino', 'esp', 'spa', 'ita',
      'italian', 'rus', 'russian', 'hindi', 'tamil', 'telugu', 'malayalam', 'japanese', 'jap', 'jpn', 'korean',
      'kor', 'chinese', 'chs', 'cht', 'big5', 'gb', 'nordic', 'swedish', 'swesub', 'danish', 'norwegian', 'finnish',
      'dutch', 'flemish', 'nl', 'nlsubs?', 'polish', 'pl', 'portuguese', 'pt-?br', 'dublado', 'legendado',
      'legendas?', 'hun', 'hebsubs', 'ukr', 'czech', 'turkish', 'arabic', 'greek', 'thai', 'dubbed', 'dub',
      'subbed', 'subs', 'hardsubs?', 'softsubs?', 'subforced', 'dl', 'sub', 'engsub', 'eng-?subs?',
    ],
  },
  {
    category: 'streaming',
    strength: 'strong',
    patterns: ['amzn', 'dsnp', 'dsny', 'hmax', 'atvp', 'pcok', 'pmtp', 'netflixuhd(?:rip)?', 'itunes-?hd', 'crunchyroll'],
  },
  { category: 'streaming', strength: 'weak', patterns: ['nf', 'netflix', 'hulu', 'itunes', 'hbo', 'amazon'] },
  {
    category: 'misc',
    strength: 'weak',
    patterns: [
      'proper', 'repack\\d?', 'rerip', 'real', 'internal', 'readnfo', 'read[ .]nfo', 'nfofix', 'dirfix', 'subfix',
      'festival', 'stv', 'ws', 'fs', 'hybrid', 'retail', 'hc', 'ntsc', 'pal', 'fastsub',
      'preair', 'line', 'mux', 'upscaled', 'reenc(?:oded)?', 're-enc(?:oded)?', '3d', 'h?sbs', 'half-?sbs', 'hou',
      'docu', 'doku', 'custom', 'final', 'eztv', 'ettv', 'rartv', 'rarbg', 'publichd',
    ],
  },
  { category: 'size', strength: 'strong', patterns: ['\\d+(?:[.,]\\d+)?[ ]?(?:mb|gb|gib|mib|tb)'] },
];

/** Release tokens after a bare number that say it is not an episode ("UFC.179.PPV" is an event). */
export const EPISODE_DENYING_TOKENS: readonly string[] = ['ppv'];

/** Weak categories that also count when they sit right before a year or the end of the title. */
export const TRAILING_WEAK_CATEGORIES: readonly TokenCategory[] = ['edition', 'pack'];

/** Folder names that say nothing about the item (library roots, download dirs). Lower case. */
export const GENERIC_FOLDER_NAMES: readonly string[] = [
  '', '.', '..', 'media', 'movies', 'films', 'videos', 'tv', 'tv shows', 'tvshows', 'tv series', 'series', 'shows',
  'anime', 'downloads', 'download', 'complete', 'completed', 'unsorted',
  'incoming', 'torrents', 'library', 'data', 'mnt', 'volume1', 'volumes', 'share', 'server', 'home', 'public',
  'temp', 'tmp', 'av', 'documentaries', 'kids', 'uhd', '4k', 'hd', 'storage', 'nas', 'plex', 'jellyfin', 'emby',
  'video_ts', 'bdmv', 'stream', 'playlist', 'disc', 'public_html', 'users', 'user', 'desktop',
];

/** Extras: folder names (lower case) and the kind of extra each holds. */
export const EXTRA_FOLDERS: Readonly<Record<string, 'sample' | 'trailer' | 'extra'>> = {
  sample: 'sample', samples: 'sample',
  trailer: 'trailer', trailers: 'trailer',
  extra: 'extra', extras: 'extra', featurette: 'extra', featurettes: 'extra', 'behind the scenes': 'extra',
  'deleted scenes': 'extra', interviews: 'extra', interview: 'extra', scenes: 'extra', shorts: 'extra',
  clips: 'extra', other: 'extra', others: 'extra', bonus: 'extra', 'bonus features': 'extra', backdrops: 'extra',
  'special features': 'extra', 'making of': 'extra',
};

/** Extras: file-name suffixes after "-", "." or "_" (Kodi/Jellyfin style), regex source. */
export const EXTRA_SUFFIXES: readonly { pattern: string; extra: 'sample' | 'trailer' | 'extra' }[] = [
  { pattern: 'sample\\d*', extra: 'sample' },
  { pattern: 'trailer\\d*', extra: 'trailer' },
  { pattern: 'teaser\\d*', extra: 'trailer' },
  {
    pattern: '(?:featurette|behindthescenes|deleted|deletedscene|interview|scene\\d*|clip|short|extra|other|bonus|makingof)',
    extra: 'extra',
  },
];

/** Words that start a season folder ("Season 2", "Saison 12 Français", "Staffel 3"). */
export const SEASON_WORDS: readonly string[] = [
  'season', 'seasons', 'saison', 'staffel', 'temporada', 'temp', 'tem', 'stagione', 'seizoen', 'sezon', 'säsong',
  'sæson', 'kausi', 'series',
];

/** Folder names that hold specials (season 0). */
export const SPECIALS_FOLDERS: readonly string[] = ['specials', 'special', 'season 0', 'season 00'];

/** Short words kept with their dot when a title is cleaned ("Mr. Robot", "Dr. Dolittle"). */
export const HONORIFICS: readonly string[] = ['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'vs', 'mt', 'ft'];

/** Top-level domains that mark a leading or trailing website tag ("[ www.Torrenting.com ] - "). */
export const WEBSITE_TLDS: readonly string[] = [
  'com', 'org', 'net', 'info', 'cd', 'to', 'tv', 'ws', 'me', 'tc', 'ru', 'ch', 'eu', 'cc', 'co', 'in', 'io', 'tk',
  'nu', 'biz', 'xyz', 'se', 'uk', 'li', 'lt', 'onl', 'mx', 'pw', 'is', 'la', 'gs', 'cx', 'vip', 'club', 'site',
];

/** Country tags kept on a title when written in brackets ("The Office (US)"). */
export const COUNTRY_TAGS: readonly string[] = ['US', 'UK', 'AU', 'NZ', 'CA', 'IE'];
