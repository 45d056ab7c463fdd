import { describe, expect, it } from 'vitest';
import { normalizeLanguage } from './language-code';

describe('normalizeLanguage', () => {
  it.each([
    ['eng', 'eng'],
    ['ENG', 'eng'],
    ['ger', 'ger'],
    ['deu', 'ger'],
    ['zho', 'chi'],
    ['de', 'ger'],
    ['en-US', 'eng'],
    ['zh_Hant', 'chi'],
    ['jpn', 'jpn'],
    ['und', null],
    ['zxx', null],
    ['xx', null],
    ['q', null],
    ['english', null],
    ['', null],
    [undefined, null],
    [null, null],
  ])('%j → %j', (tag, expected) => {
    expect(normalizeLanguage(tag)).toBe(expected);
  });
});
