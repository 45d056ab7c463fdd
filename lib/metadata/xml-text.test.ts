import { describe, expect, it } from 'vitest';
import { decodeEntities, decodeXmlText } from './xml-text';

describe('decodeEntities', () => {
  it.each([
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['&lt;b&gt;bold&lt;/b&gt;', '<b>bold</b>'],
    ['&quot;q&quot; &apos;a&apos;', `"q" 'a'`],
    ['&AMP;', '&'],
    ['a&nbsp;b', 'a\u00a0b'],
    ['&#233;t&#xE9;', 'été'],
    ['&#x1F3AC;', '🎬'],
    ['&#0; &#xD800; &#x110000;', '&#0; &#xD800; &#x110000;'], // not characters: left alone
    ['&eacute; &lol9; & alone', '&eacute; &lol9; & alone'], // no DTD or HTML entities
    ['&amp;lt;', '&lt;'], // decoded once, not twice
  ])('%j → %j', (raw, expected) => {
    expect(decodeEntities(raw)).toBe(expected);
  });
});

describe('decodeXmlText', () => {
  it.each([
    ['plain &amp; simple', 'plain & simple'],
    ['<![CDATA[a &amp; <b>]]>', 'a &amp; <b>'],
    ['x &amp; <![CDATA[&amp;]]> y &amp; <![CDATA[z]]>', 'x & &amp; y & z'],
    ['<![CDATA[never closed &amp;', 'never closed &amp;'],
  ])('%j → %j', (raw, expected) => {
    expect(decodeXmlText(raw)).toBe(expected);
  });
});
