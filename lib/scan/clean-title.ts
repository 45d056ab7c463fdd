// Turns the title part of a name into a display title: separators become spaces, acronyms keep
// their dots ("S.H.I.E.L.D."), honorifics keep theirs ("Mr. Robot"), bracket noise goes, and an
// all-lower-case title gets capitals.
import { COUNTRY_TAGS, HONORIFICS } from './naming-rules';

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'de', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'vs', 'with']);
const EDGE_NOISE = /^[\s\-–—:,;~·|/\\_.+*=]+|[\s\-–—:,;~·|/\\_+*=([{]+$/gu;

function removeBracketGroups(text: string): string {
  const without = text.replace(/\[[^\]]*\]|\{[^}]*\}|【[^】]*】/gu, ' ');
  if (/[\p{L}\p{N}]/u.test(without)) return without;
  // The title was only in brackets: keep the words, drop the brackets.
  return text.replace(/[[\]{}【】]/gu, ' ');
}

/** Drop a trailing "(alt title)" after a real title, but keep a country tag like "(US)". */
function removeTrailingParenthetical(text: string): string {
  if (!text.includes('(')) return text;
  const match = /^(.*[\p{L}\p{N}].*?)[\s._]+\(([^()]*)\)?[\s.]*$/u.exec(text);
  if (!match) return text;
  const inner = match[2].trim();
  if (COUNTRY_TAGS.includes(inner)) return `${match[1]} (${inner})`;
  return match[1];
}

type Word = { text: string; dotAfter: boolean };

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/[^\s.]+/gu)) {
    const end = (match.index ?? 0) + match[0].length;
    words.push({ text: match[0], dotAfter: text[end] === '.' });
  }
  return words;
}

/** Join words back, rebuilding "S.H.I.E.L.D." from single letters and keeping "Mr." and friends. */
function joinWords(words: Word[]): string {
  const out: string[] = [];
  const isLetter = (word: Word) => /^\p{L}$/u.test(word.text);
  for (let i = 0; i < words.length; ) {
    let j = i;
    if (isLetter(words[i]) && words[i].dotAfter) {
      j = i + 1;
      while (j < words.length && isLetter(words[j])) {
        j++;
        if (!words[j - 1].dotAfter) break;
      }
    }
    if (j - i >= 2) {
      out.push(`${words.slice(i, j).map((word) => word.text).join('.')}.`);
      i = j;
      continue;
    }
    const word = words[i];
    const honorific = word.dotAfter && HONORIFICS.includes(word.text.toLowerCase());
    out.push(honorific ? `${word.text}.` : word.text);
    i++;
  }
  return out.join(' ');
}

function capitalise(text: string): string {
  if (/\p{Lu}/u.test(text) || !/[a-z]/.test(text)) return text;
  return text
    .split(' ')
    .map((word, index) => (index > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

/** A display title from the raw title part of a name, or null when nothing is left. */
export function cleanTitle(raw: string): string | null {
  let text = raw.replace(/&amp;/gu, '&').replace(/[’‘`´]/gu, "'").replace(/_/gu, ' ');
  text = removeBracketGroups(text).replace(/^\s*\(\d{1,2}\)(?=\S)/u, '');
  text = text.replace(/\(\s*\)/gu, ' ');
  text = text.replace(EDGE_NOISE, '');
  text = removeTrailingParenthetical(text);
  text = joinWords(splitWords(text));
  text = text.replace(/\s+/gu, ' ').replace(EDGE_NOISE, '').trim();
  // Unbalanced brackets left at the edges by cutting ("Show (", "[Group").
  text = text.replace(/^[([]\s*(?=[^)\]]*$)/u, '').replace(/\s*[([]$/u, '').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  return capitalise(text);
}
