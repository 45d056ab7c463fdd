// parseNfo: reads a Kodi NFO sidecar (movie.nfo, tvshow.nfo, <episode>.nfo) into plain values.
// Tolerant like Kodi: an NFO may be hand-edited (bare "&", odd case), end with a provider URL,
// or be truncated. Anything that is not a movie/tvshow/episodedetails document gives null.
import { XMLParser } from 'fast-xml-parser';
import { decodeXmlText } from './xml-text';

export type NfoKind = 'movie' | 'tvshow' | 'episodedetails';

export type NfoActor = { name: string; role: string | null; thumb: string | null };

export type NfoIds = { tmdb: number | null; tvdb: number | null; imdb: string | null };

export type NfoMetadata = {
  kind: NfoKind;
  title: string | null;
  originaltitle: string | null;
  sorttitle: string | null;
  /** Episodes and shows: the series title as written in the NFO. */
  showtitle: string | null;
  year: number | null;
  plot: string | null;
  tagline: string | null;
  /** Minutes. */
  runtime: number | null;
  /** YYYY-MM-DD: <premiered> for movies and shows, <aired> for episodes (each falls back to the other). */
  premiered: string | null;
  /** Out of 10. */
  rating: number | null;
  mpaa: string | null;
  genres: string[];
  studios: string[];
  directors: string[];
  ids: NfoIds;
  /** Episodes only. */
  season: number | null;
  episode: number | null;
  actors: NfoActor[];
};

type Node = Record<string, unknown>;

const KINDS: readonly NfoKind[] = ['movie', 'tvshow', 'episodedetails'];
const MAX_NFO_CHARS = 2_000_000;
// Values that may hold markup (HTML in a plot): kept as raw text instead of parsed as elements.
const TEXT_FIELDS = ['title', 'originaltitle', 'sorttitle', 'showtitle', 'plot', 'outline', 'tagline'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Entities are decoded by decodeXmlText, which knows only the XML five and &#…;: no DTD expansion.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  transformTagName: (name) => name.toLowerCase(),
  stopNodes: TEXT_FIELDS.map((f) => `..${f}`),
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/** The NFO's metadata, or null when `xml` is not an NFO document we can read. Never throws. */
export function parseNfo(xml: string): NfoMetadata | null {
  if (typeof xml !== 'string' || xml.length > MAX_NFO_CHARS) return null;
  let doc: Node;
  try {
    doc = parser.parse(xml.replace(/^\ufeff/, '')) as Node;
  } catch {
    return null; // mismatched tags, external entities (refused by the parser), …
  }
  const kind = KINDS.find((k) => Array.isArray(doc[k]) && isNode(doc[k][0]));
  if (!kind) return null;
  const root = (doc[kind] as Node[])[0];
  const trailing = textAfterRoot(xml, kind);

  const premieredTags = kind === 'episodedetails' ? ['aired', 'premiered'] : ['premiered', 'releasedate', 'aired'];
  const premiered = premieredTags.map((t) => isoDate(text(root, t))).find(Boolean) ?? null;
  return {
    kind,
    title: text(root, 'title'),
    originaltitle: text(root, 'originaltitle'),
    sorttitle: text(root, 'sorttitle'),
    showtitle: kind === 'movie' ? null : text(root, 'showtitle'),
    year: yearOf(text(root, 'year')) ?? yearOf(premiered),
    plot: text(root, 'plot') ?? text(root, 'outline'),
    tagline: text(root, 'tagline'),
    runtime: runtimeOf(root),
    premiered,
    rating: ratingOf(root),
    mpaa: text(root, 'mpaa'),
    genres: list(root, 'genre'),
    studios: list(root, 'studio'),
    directors: list(root, 'director'),
    ids: idsOf(root, kind, trailing),
    season: kind === 'episodedetails' ? count(text(root, 'season')) : null,
    episode: kind === 'episodedetails' ? count(text(root, 'episode')) : null,
    actors: actorsOf(root),
  };
}

function idsOf(root: Node, kind: NfoKind, trailing: string): NfoIds {
  const ids: NfoIds = { tmdb: null, tvdb: null, imdb: null };
  const offer = (type: string, value: string | null | undefined) => {
    if (!value) return;
    const v = value.trim();
    if (type === 'imdb' && !ids.imdb && /^tt\d{5,}$/.test(v)) ids.imdb = v;
    if ((type === 'tmdb' || type === 'tvdb') && ids[type] === null && /^\d{1,10}$/.test(v) && Number(v) > 0) ids[type] = Number(v);
  };
  // <uniqueid type="…" default="true"> first, the default one before the others.
  const uniqueIds = children(root, 'uniqueid').sort((a, b) => Number(attr(b, 'default') === 'true') - Number(attr(a, 'default') === 'true'));
  for (const node of uniqueIds) offer((attr(node, 'type') ?? '').toLowerCase(), textOf(node));
  // Legacy tags from older scrapers.
  offer('tmdb', text(root, 'tmdbid'));
  offer('tvdb', text(root, 'tvdbid'));
  offer('imdb', text(root, 'imdbid') ?? text(root, 'imdb_id') ?? text(root, 'imdb'));
  const legacyId = text(root, 'id');
  if (legacyId) offer(/^tt/.test(legacyId) ? 'imdb' : kind === 'movie' ? 'tmdb' : 'tvdb', legacyId);
  // <episodeguide>: JSON in Kodi 20+ ({"tvdb":"…","tmdb":"…"}), a scraper URL before that.
  const guideNode = children(root, 'episodeguide')[0];
  const guide = text(root, 'episodeguide') ?? (guideNode ? text(guideNode, 'url') : null);
  if (guide?.startsWith('{')) {
    try {
      const json = JSON.parse(guide) as Record<string, unknown>;
      for (const type of ['tmdb', 'tvdb', 'imdb']) offer(type, typeof json[type] === 'number' ? String(json[type]) : (json[type] as string));
    } catch {
      // not JSON after all
    }
  }
  // Provider URLs: in an old <episodeguide>, or after the XML ("NFO + URL" files).
  for (const source of [guide ?? '', trailing]) {
    offer('imdb', /imdb\.com\/title\/(tt\d+)/i.exec(source)?.[1]);
    offer('tmdb', /themoviedb\.org\/(?:3\/)?(?:movie|tv)\/(\d+)/i.exec(source)?.[1]);
    offer('tvdb', /thetvdb\.com\/.*?(?:series\/|[?&]id=|"id"\s*:\s*"?)(\d+)/i.exec(source)?.[1]);
  }
  return ids;
}

function ratingOf(root: Node): number | null {
  const ratings = children(children(root, 'ratings')[0] ?? {}, 'rating');
  const chosen = ratings.find((r) => attr(r, 'default') === 'true') ?? ratings[0];
  if (chosen) {
    const value = decimal(text(chosen, 'value'));
    const max = decimal(attr(chosen, 'max') ?? null) ?? 10;
    if (value !== null && max > 0) return clampRating((value / max) * 10);
  }
  const legacy = decimal(text(root, 'rating'));
  return legacy === null ? null : clampRating(legacy);
}

function runtimeOf(root: Node): number | null {
  const minutes = /^\s*(\d{1,4})/.exec(text(root, 'runtime') ?? '')?.[1];
  if (minutes && Number(minutes) > 0) return Number(minutes);
  // Kodi's own export: <fileinfo><streamdetails><video><durationinseconds>.
  const video = children(children(children(root, 'fileinfo')[0] ?? {}, 'streamdetails')[0] ?? {}, 'video')[0];
  const seconds = decimal(video ? text(video, 'durationinseconds') : null);
  return seconds && seconds > 0 ? Math.round(seconds / 60) : null;
}

function actorsOf(root: Node): NfoActor[] {
  return children(root, 'actor')
    .map((node, position) => ({
      actor: { name: text(node, 'name') ?? '', role: text(node, 'role'), thumb: text(node, 'thumb') },
      order: count(text(node, 'order')) ?? Number.MAX_SAFE_INTEGER,
      position,
    }))
    .filter(({ actor }) => actor.name)
    .sort((a, b) => a.order - b.order || a.position - b.position)
    .map(({ actor }) => actor);
}

/** Every value of a repeatable tag, "Action / Comedy" split, duplicates (any case) dropped. */
function list(root: Node, tag: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const node of (root[tag] as unknown[] | undefined) ?? []) {
    for (const part of (textOf(node) ?? '').split(' / ')) {
      const value = part.trim();
      if (value && !seen.has(value.toLowerCase())) {
        seen.add(value.toLowerCase());
        out.push(value);
      }
    }
  }
  return out;
}

/** What follows the root element's closing tag (Kodi allows a provider URL there). */
function textAfterRoot(xml: string, kind: NfoKind): string {
  const closes = [...xml.matchAll(new RegExp(`</${kind}\\s*>`, 'gi'))];
  const last = closes[closes.length - 1];
  return last ? xml.slice(last.index + last[0].length, last.index + last[0].length + 2000) : '';
}

/** The first `tag` child's text, trimmed; null when missing or empty. */
function text(node: Node, tag: string): string | null {
  const value = (node[tag] as unknown[] | undefined)?.[0];
  return textOf(value);
}

function textOf(value: unknown): string | null {
  let raw: string;
  if (typeof value === 'string') raw = decodeXmlText(value);
  else if (isNode(value)) {
    // Mixed text and CDATA: their relative order is lost, which only matters for odd hand edits.
    const cdata = Array.isArray(value['#cdata']) ? value['#cdata'].join('') : '';
    raw = cdata + (typeof value['#text'] === 'string' ? decodeXmlText(value['#text']) : '');
  } else return null;
  const trimmed = raw.trim();
  return trimmed || null;
}

function children(node: Node, tag: string): Node[] {
  const value = node[tag];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

function attr(node: Node, name: string): string | null {
  const value = node[`@${name}`];
  return typeof value === 'string' ? value.trim() : null;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isoDate(value: string | null): string | null {
  return /^\d{4}-\d{2}-\d{2}/.exec(value ?? '')?.[0] ?? null;
}

function yearOf(value: string | null): number | null {
  const year = /^\s*(\d{4})\b/.exec(value ?? '')?.[1];
  return year && Number(year) >= 1870 && Number(year) <= 2200 ? Number(year) : null;
}

function decimal(value: string | null): number | null {
  if (!value || !/^\s*-?\d+(?:[.,]\d+)?\s*$/.test(value)) return null;
  return Number(value.replace(',', '.'));
}

function count(value: string | null): number | null {
  return value && /^\s*\d{1,5}\s*$/.test(value) ? Number(value) : null;
}

function clampRating(value: number): number | null {
  return value >= 0 && value <= 10 ? Math.round(value * 100) / 100 : null;
}
