import { describe, expect, it } from 'vitest';
import { parseNfo } from './nfo';

// Shaped like Kodi 20's own export / tinyMediaManager output.
const MOVIE = `<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
<!-- created on 2024-01-02 - tinyMediaManager 4.3 -->
<movie>
  <title>Amélie &amp; the Gnome</title>
  <originaltitle>Le Fabuleux Destin d'Amélie Poulain</originaltitle>
  <sorttitle>Amelie</sorttitle>
  <ratings>
    <rating name="imdb" max="10"><value>8.3</value><votes>780000</votes></rating>
    <rating name="themoviedb" max="10" default="true"><value>7.9</value><votes>10000</votes></rating>
  </ratings>
  <userrating>0</userrating>
  <year>2001</year>
  <outline>Short.</outline>
  <plot>Amélie is an <b>innocent</b> girl &lt;3 who decides to help others.&#10;Second line.</plot>
  <tagline><![CDATA[One person can change your life forever & ever.]]></tagline>
  <runtime>122</runtime>
  <thumb aspect="poster">https://image.tmdb.org/t/p/original/poster.jpg</thumb>
  <mpaa>Rated R</mpaa>
  <uniqueid type="imdb">tt0211915</uniqueid>
  <uniqueid type="tmdb" default="true">194</uniqueid>
  <genre>Comedy</genre>
  <genre>Romance</genre>
  <genre>comedy</genre>
  <country>France</country>
  <director>Jean-Pierre Jeunet</director>
  <premiered>2001-04-25</premiered>
  <studio>Claudie Ossard Productions</studio>
  <studio>UGC</studio>
  <actor><name>Mathieu Kassovitz</name><role>Nino Quincampoix</role><order>1</order><thumb>https://image.tmdb.org/k.jpg</thumb></actor>
  <actor><name>Audrey Tautou</name><role>Amélie Poulain</role><order>0</order><thumb>https://image.tmdb.org/a.jpg</thumb></actor>
  <actor><role>Nobody</role></actor>
</movie>
`;

const SHOW = `<?xml version="1.0" encoding="UTF-8"?>
<tvshow>
  <title>Test Card Show</title>
  <showtitle>Test Card Show</showtitle>
  <rating>8.5</rating>
  <season>2</season>
  <plot>Shapes and tones.</plot>
  <premiered>2019-09-01</premiered>
  <genre>Documentary / Science</genre>
  <studio>BBC</studio>
  <episodeguide>{"tvdb": "81189", "tmdb": "1396", "imdb": "tt0903747"}</episodeguide>
  <uniqueid type="tvdb" default="true">81189</uniqueid>
</tvshow>`;

const EPISODE = `<episodedetails>
  <title>Pilot</title>
  <showtitle>Test Card Show</showtitle>
  <season>1</season>
  <episode>2</episode>
  <aired>2019-09-08</aired>
  <plot>The first one.</plot>
  <uniqueid type="tvdb">349232</uniqueid>
  <fileinfo><streamdetails><video><codec>hevc</codec><durationinseconds>2640</durationinseconds></video></streamdetails></fileinfo>
</episodedetails>`;

describe('parseNfo: full documents', () => {
  it('reads a Kodi movie NFO', () => {
    expect(parseNfo(MOVIE)).toEqual({
      kind: 'movie',
      title: 'Amélie & the Gnome',
      originaltitle: "Le Fabuleux Destin d'Amélie Poulain",
      sorttitle: 'Amelie',
      showtitle: null,
      year: 2001,
      plot: 'Amélie is an <b>innocent</b> girl <3 who decides to help others.\nSecond line.',
      tagline: 'One person can change your life forever & ever.',
      runtime: 122,
      premiered: '2001-04-25',
      rating: 7.9,
      mpaa: 'Rated R',
      genres: ['Comedy', 'Romance'],
      studios: ['Claudie Ossard Productions', 'UGC'],
      directors: ['Jean-Pierre Jeunet'],
      ids: { tmdb: 194, tvdb: null, imdb: 'tt0211915' },
      season: null,
      episode: null,
      actors: [
        { name: 'Audrey Tautou', role: 'Amélie Poulain', thumb: 'https://image.tmdb.org/a.jpg' },
        { name: 'Mathieu Kassovitz', role: 'Nino Quincampoix', thumb: 'https://image.tmdb.org/k.jpg' },
      ],
    });
  });

  it('reads a tvshow NFO (JSON episodeguide, split genres, the season count is not a season)', () => {
    expect(parseNfo(SHOW)).toMatchObject({
      kind: 'tvshow',
      title: 'Test Card Show',
      showtitle: 'Test Card Show',
      year: 2019,
      rating: 8.5,
      premiered: '2019-09-01',
      genres: ['Documentary', 'Science'],
      ids: { tvdb: 81189, tmdb: 1396, imdb: 'tt0903747' },
      season: null,
      episode: null,
    });
  });

  it('reads an episode NFO (aired date, runtime from stream details)', () => {
    expect(parseNfo(EPISODE)).toMatchObject({
      kind: 'episodedetails',
      title: 'Pilot',
      showtitle: 'Test Card Show',
      season: 1,
      episode: 2,
      premiered: '2019-09-08',
      year: 2019,
      runtime: 44,
      ids: { tvdb: 349232, tmdb: null, imdb: null },
      actors: [],
    });
  });
});

const movie = (body: string) => `<movie>${body}</movie>`;

describe('parseNfo: ids', () => {
  it.each([
    ['legacy <id> with an IMDb id', movie('<id>tt0111161</id>'), { imdb: 'tt0111161', tmdb: null, tvdb: null }],
    ['legacy numeric <id> on a movie is TMDB', movie('<id>278</id>'), { tmdb: 278 }],
    ['legacy numeric <id> on a show is TVDB', '<tvshow><id>81189</id></tvshow>', { tvdb: 81189 }],
    ['legacy <tmdbid>/<imdbid>', movie('<tmdbid>278</tmdbid><imdbid>tt0111161</imdbid>'), { tmdb: 278, imdb: 'tt0111161' }],
    ['uniqueid beats legacy', movie('<uniqueid type="tmdb">1</uniqueid><tmdbid>2</tmdbid>'), { tmdb: 1 }],
    ['the default uniqueid wins over an earlier one', movie('<uniqueid type="tmdb">1</uniqueid><uniqueid type="TMDB" default="true">2</uniqueid>'), { tmdb: 2 }],
    ['junk ids are ignored', movie('<uniqueid type="imdb">0111161</uniqueid><uniqueid type="tmdb">abc</uniqueid><uniqueid type="tvdb">0</uniqueid>'), { imdb: null, tmdb: null, tvdb: null }],
    ['an old scraper series URL episodeguide', '<tvshow><episodeguide><url>http://thetvdb.com/api/1D62F2F90030C444/series/81189/all/en.zip</url></episodeguide></tvshow>', { tvdb: 81189 }],
    ['an old scraper login URL episodeguide', '<tvshow><episodeguide><url cache="81189-en.xml">https://api.thetvdb.com/login?{"apikey":"x","id":81189}|Content-Type=application/json</url></episodeguide></tvshow>', { tvdb: 81189 }],
    ['"NFO + URL": an IMDb link after the XML', `${movie('<title>X</title>')}\nhttps://www.imdb.com/title/tt0111161/`, { imdb: 'tt0111161' }],
    ['"NFO + URL": a TMDB link after the XML', `${movie('<title>X</title>')}\nhttps://www.themoviedb.org/movie/278-the-shawshank-redemption`, { tmdb: 278 }],
  ])('%s', (_, xml, ids) => {
    expect(parseNfo(xml)?.ids).toMatchObject(ids);
  });
});

describe('parseNfo: values', () => {
  it.each([
    ['a rating out of 5 becomes out of 10', movie('<ratings><rating name="x" max="5"><value>4</value></rating></ratings>'), 'rating', 8],
    ['a comma decimal rating', movie('<rating>7,5</rating>'), 'rating', 7.5],
    ['an out-of-range rating is dropped', movie('<rating>85</rating>'), 'rating', null],
    ['runtime "98 min"', movie('<runtime>98 min</runtime>'), 'runtime', 98],
    ['the year from <premiered> when <year> is missing', movie('<premiered>1994-09-23</premiered>'), 'year', 1994],
    ['a bad date is dropped', movie('<premiered>sometime</premiered>'), 'premiered', null],
    ['<releasedate> when there is no <premiered>', movie('<releasedate>1994-09-23</releasedate>'), 'premiered', '1994-09-23'],
    ['the outline when there is no plot', movie('<outline>Short.</outline>'), 'plot', 'Short.'],
    ['empty elements are null', movie('<title></title><plot/>'), 'title', null],
    ['a bare & (hand-edited) is kept', movie('<title>Fast & Furious</title>'), 'title', 'Fast & Furious'],
    ['escaped HTML stays text', movie('<plot>&lt;script&gt;alert(1)&lt;/script&gt;</plot>'), 'plot', '<script>alert(1)</script>'],
    ['raw HTML inside a plot stays text', movie('<plot>A <i>very</i> <a href="x">good</a> film</plot>'), 'plot', 'A <i>very</i> <a href="x">good</a> film'],
    ['unknown entities stay as written', movie('<title>Caf&eacute;</title>'), 'title', 'Caf&eacute;'],
    ['hex and decimal character references', movie('<title>&#x41;&#66;&#0;</title>'), 'title', 'AB&#0;'],
    ['upper-case tags', '<MOVIE><Title>Loud</Title></MOVIE>', 'title', 'Loud'],
    ['a byte-order mark', '\ufeff<movie><title>BOM</title></movie>', 'title', 'BOM'],
    ['a file truncated between elements keeps what it has', '<movie><title>Half</title><year>20', 'title', 'Half'],
    ['multi-episode NFO: the first episode', '<episodedetails><episode>1</episode></episodedetails><episodedetails><episode>2</episode></episodedetails>', 'episode', 1],
  ])('%s', (_, xml, field, expected) => {
    expect(parseNfo(xml)?.[field as 'title']).toEqual(expected);
  });
});

describe('parseNfo: not an NFO, or hostile', () => {
  it.each([
    ['empty', ''],
    ['plain text', 'just some words'],
    ['a bare URL', 'https://www.imdb.com/title/tt0111161/'],
    ['another root', '<musicvideo><title>x</title></musicvideo>'],
    ['mismatched tags', '<movie><title>x</titl></movie>'],
    ['HTML page', '<!DOCTYPE html><html><body><p>404</p></body></html>'],
    ['binary', '\u0000\u0001\u0002\u00ff'],
    ['truncated inside a plot', '<movie><title>Half</title><plot>gone'],
  ])('%s → null', (_, xml) => {
    expect(parseNfo(xml)).toBeNull();
  });

  it('does not expand DTD entities (billion laughs)', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE movie [<!ENTITY lol0 "lol">${levels}]><movie><title>&lol9;</title></movie>`;
    const started = performance.now();
    const nfo = parseNfo(xml);
    expect(performance.now() - started).toBeLessThan(200);
    expect(nfo?.title).toBe('&lol9;'); // left as written
  });

  it('does not read external entities (XXE)', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE movie [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><movie><title>&xxe;</title></movie>';
    expect(parseNfo(xml)).toBeNull(); // the parser refuses external entities outright
  });

  it('does not pollute prototypes', () => {
    const nfo = parseNfo('<movie><__proto__><polluted>yes</polluted></__proto__><constructor>x</constructor><title>T</title></movie>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(nfo === null || nfo.title === 'T').toBe(true);
  });

  it('refuses a huge document without parsing it', () => {
    expect(parseNfo(movie(`<plot>${'x'.repeat(2_100_000)}</plot>`))).toBeNull();
  });
});
