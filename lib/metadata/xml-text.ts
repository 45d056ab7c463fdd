// Text content of an XML element, decoded by hand: the five XML entities and numeric character
// references, CDATA kept verbatim. Nothing else expands (no DTD entities, so no billion laughs),
// and markup inside a value (HTML in a plot) stays as literal text.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes entity and character references in `raw`, leaving unknown ones (`&foo;`) as they are. */
export function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}

/** Decodes `raw` element content: CDATA sections verbatim, entities decoded everywhere else. */
export function decodeXmlText(raw: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const start = raw.indexOf('<![CDATA[', at);
    if (start === -1) return out + decodeEntities(raw.slice(at));
    const end = raw.indexOf(']]>', start + 9);
    if (end === -1) return out + decodeEntities(raw.slice(at, start)) + raw.slice(start + 9);
    out += decodeEntities(raw.slice(at, start)) + raw.slice(start + 9, end);
    at = end + 3;
  }
}
