import { describe, expect, it } from 'vitest';
import { sidecarFacts } from './subtitle-tracks';

describe('sidecarFacts', () => {
  it.each([
    ['Movie (2020).srt', { language: null, forced: false, title: null }],
    ['Movie (2020).en.srt', { language: 'eng', forced: false, title: null }],
    ['Movie (2020).eng.forced.ass', { language: 'eng', forced: true, title: null }],
    ['Movie (2020).de.SDH.vtt', { language: 'ger', forced: false, title: 'SDH' }],
    ['Movie (2020).nfo', null],
    ['Movie (2020) extra.srt', null],
    ['Other.en.srt', null],
  ] as const)('%s', (name, expected) => {
    expect(sidecarFacts('Movie (2020)', name)).toEqual(expected);
  });
});
