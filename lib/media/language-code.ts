// Stream language tags come as ISO 639-2/B ("ger", what Matroska and ffmpeg write), 639-2/T
// ("deu"), 639-1 ("de") or BCP 47 ("de-AT"). One form (639-2/B) lets a user's "German" match all.

/** 639-2/T → 639-2/B for the twenty languages where the two differ. */
const TERMINOLOGIC_TO_BIBLIOGRAPHIC: Record<string, string> = {
  sqi: 'alb', hye: 'arm', eus: 'baq', mya: 'bur', zho: 'chi', ces: 'cze', nld: 'dut', fra: 'fre',
  kat: 'geo', deu: 'ger', ell: 'gre', isl: 'ice', mkd: 'mac', mri: 'mao', msa: 'may', fas: 'per',
  ron: 'rum', slk: 'slo', bod: 'tib', cym: 'wel',
};

/** 639-1 → 639-2/B for the languages media tags use in practice; other two-letter codes stay unknown. */
const TWO_LETTER: Record<string, string> = {
  ar: 'ara', bg: 'bul', ca: 'cat', cs: 'cze', da: 'dan', de: 'ger', el: 'gre', en: 'eng', es: 'spa',
  et: 'est', fa: 'per', fi: 'fin', fr: 'fre', he: 'heb', hi: 'hin', hr: 'hrv', hu: 'hun', id: 'ind',
  is: 'ice', it: 'ita', ja: 'jpn', ko: 'kor', lt: 'lit', lv: 'lav', ms: 'may', nb: 'nob', nl: 'dut',
  nn: 'nno', no: 'nor', pl: 'pol', pt: 'por', ro: 'rum', ru: 'rus', sk: 'slo', sl: 'slv', sr: 'srp',
  sv: 'swe', ta: 'tam', te: 'tel', th: 'tha', tr: 'tur', uk: 'ukr', vi: 'vie', zh: 'chi',
};

/** Codes that say "no particular language". */
const NO_LANGUAGE = new Set(['und', 'zxx', 'mis', 'mul', 'xx', 'unk']);

/** A language tag as ISO 639-2/B, or null when it names no language we can use. */
export function normalizeLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (NO_LANGUAGE.has(primary)) return null;
  if (/^[a-z]{3}$/.test(primary)) return TERMINOLOGIC_TO_BIBLIOGRAPHIC[primary] ?? primary;
  if (/^[a-z]{2}$/.test(primary)) return TWO_LETTER[primary] ?? null;
  return null;
}
