// Strips the wrapping around a release name before it is read: website tags, a leading
// "[Group]", CRC checksums, full-width digits. Names written only as bracket groups (common for
// Chinese fansub releases) are rewritten as "Title [episode]".
import { WEBSITE_TLDS } from './naming-rules';
import { findReleaseTokens } from './release-tokens';

export type PreparedName = {
  text: string;
  /** The leading "[Group]" tag, when there was one that is not a website or a quality tag. */
  group: string | null;
};

const TLD = `(?:${WEBSITE_TLDS.join('|')})`;
const DOMAIN = `(?:www\\.)?[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.${TLD}`;
const BRACKETED_SITE_PREFIX = new RegExp(`^\\s*(?:from\\s+)?[[(]\\s*\\.?${DOMAIN}\\.?\\s*[\\])][\\s._-]*`, 'iu');
const WWW_SITE_PREFIX = new RegExp(`^\\s*(?:from\\s+)?www\\.[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.${TLD}[\\s._]*[-_:]*[\\s._]*`, 'iu');
const DASHED_SITE_PREFIX = new RegExp(`^\\s*${DOMAIN}\\s+-\\s+`, 'iu');
const SITE_SUFFIX = new RegExp(`\\s+-\\s+${DOMAIN}\\s*$`, 'iu');
const CRC = /[[(][0-9A-Fa-f]{8}[\])]/gu;
/** An unbracketed checksum: eight hex digits mixing letters and digits ("…_-_E83AD672"). */
const BARE_CRC = /(?<![\p{L}\p{N}])[0-9A-F]{8}(?![\p{L}\p{N}])/gu;
const isChecksum = (hex: string) => /\d/u.test(hex) && /[A-F]/u.test(hex);
const LEADING_GROUP = /^\s*\[([^\]]*)\][\s._-]*/u;
const DECORATION = /[★☆♪]/gu;
const NUMBER_GROUP = /^(?:第)?(\d{1,4})(?:[-~_](\d{1,4}))?(?:v\d)?\s*(?:[话話集]|END|完|FIN)?$/iu;
const NOISE_GROUP = /^(?:\d{1,2}月新番|新番|.*字幕.*|[简繁].*|GB|BIG5|CHS|CHT|JAP|JPN|MP4|MKV|END|完)$/iu;

function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48));
}

const WEBSITE_ONLY = new RegExp(`^\\s*\\.?${DOMAIN}\\.?\\s*$`, 'iu');

function isWebsiteOrQuality(group: string): boolean {
  if (WEBSITE_ONLY.test(group)) return true;
  const tokens = findReleaseTokens(group);
  const covered = tokens.reduce((sum, token) => sum + token.text.length, 0);
  return tokens.length > 0 && covered >= group.replace(/[\s._\-+]/gu, '').length * 0.6;
}

function stripWebsites(text: string): string {
  return text.replace(BRACKETED_SITE_PREFIX, '').replace(WWW_SITE_PREFIX, '').replace(DASHED_SITE_PREFIX, '').replace(SITE_SUFFIX, '');
}

/** "盾之勇者成名录/Title" or "天使降臨！_Title" → "Title": the Latin-script part of a dual title. */
function pickLatinPart(candidate: string): string {
  const parts = candidate.split(/[/／|]/u).map((part) => part.trim()).filter(Boolean);
  const part = parts.find((each) => /[A-Za-z]{2}/u.test(each)) ?? candidate;
  return part.replace(/^[^\p{ASCII}]+[\s_]*(?=[A-Za-z])/u, '');
}

/** "[Group][Title][05][1080p]" → "Title [05]"; null when the name is not written that way. */
function rewriteBracketOnly(text: string): string | null {
  const outside = text.replace(/\[[^\]]*\]/gu, ' ').replace(DECORATION, ' ');
  if (/[\p{L}\p{N}]/u.test(outside)) return null;
  const groups = [...text.matchAll(/\[([^\]]*)\]/gu)].map((match) => match[1].trim()).filter(Boolean);
  if (groups.length < 3) return null;
  const rest = groups.slice(1);
  const numberGroup = rest.find((group) => NUMBER_GROUP.test(group) && !/^(?:19|20)\d\d$/u.test(group));
  const year = rest.find((group) => /^(?:19|20)\d\d$/u.test(group));
  const titles = rest.filter((group) => group !== numberGroup && group !== year && !NOISE_GROUP.test(group) && !isWebsiteOrQuality(group));
  const title = titles.find((group) => /[A-Za-z]{2}/u.test(group)) ?? titles[0];
  if (!title || !numberGroup) return null;
  const number = NUMBER_GROUP.exec(numberGroup);
  const episode = number?.[2] ? `${number[1]}-${number[2]}` : number?.[1];
  return `${pickLatinPart(title)}${year ? ` (${year})` : ''} [${episode}]`;
}

/** The name with its wrapping removed, ready for the episode and title rules. */
export function prepareName(name: string): PreparedName {
  let text = toAsciiDigits(name)
    .replace(/[【〔]/gu, '[')
    .replace(/[】〕]/gu, ']')
    .replace(/\u3000/gu, ' ')
    .replace(CRC, ' ')
    .replace(BARE_CRC, (hex) => (isChecksum(hex) ? ' ' : hex));
  text = stripWebsites(text);

  const bracketOnly = rewriteBracketOnly(text);
  if (bracketOnly) {
    const group = LEADING_GROUP.exec(text)?.[1] ?? null;
    return { text: bracketOnly, group };
  }

  let group: string | null = null;
  for (let tags = 0, match = LEADING_GROUP.exec(text); match; tags++, match = LEADING_GROUP.exec(text)) {
    const rest = text.slice(match[0].length);
    if (!/[\p{L}\p{N}]/u.test(rest)) break;
    // After the first tag, keep bracket groups that may hold the title ("[Group][Title][BD]").
    if (tags > 0 && !/[\p{L}\p{N}]/u.test(rest.replace(/\[[^\]]*\]/gu, ''))) break;
    if (group === null && !isWebsiteOrQuality(match[1]) && /[\p{L}\p{N}]/u.test(match[1])) group = match[1].trim();
    text = stripWebsites(rest);
  }
  text = text.replace(DECORATION, ' ').replace(/\s+/gu, ' ').trim();
  return { text, group };
}
