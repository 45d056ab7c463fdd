import { describe, expect, it } from 'vitest';
import { entryIndex, sidecarBaseNames } from './sidecar-names';

describe('sidecarBaseNames', () => {
  it.each<[string | null, string[]]>([
    ['Heat (1995).mkv', ['Heat (1995)']],
    ['The.Matrix.1999.mkv', ['The.Matrix.1999']],
    ['/movies/Heat/Heat.mkv', ['Heat']],
    ['C:\\Movies\\Heat.mkv', ['Heat']],
    ['Heat cd1.avi', ['Heat cd1', 'Heat']],
    ['Heat-CD2.avi', ['Heat-CD2', 'Heat']],
    ['Heat.part.3.mkv', ['Heat.part.3', 'Heat']],
    ['Heat_disc1.mkv', ['Heat_disc1', 'Heat']],
    ['Heat pt2.mkv', ['Heat pt2', 'Heat']],
    ['Heatcd1.mkv', ['Heatcd1', 'Heat']],
    ['Apollo 13.mkv', ['Apollo 13']], // a number alone is not a part
    ['cd1.mkv', ['cd1']], // a part marker alone is not a name
    ['README', ['README']],
    ['.hidden.mkv', []],
    ['', []],
    [null, []],
  ])('%j → %j', (file, expected) => {
    expect(sidecarBaseNames(file)).toEqual(expected);
  });
});

describe('entryIndex', () => {
  it('looks names up case-insensitively, first spelling wins', () => {
    const index = entryIndex(['Poster.JPG', 'poster.jpg', 'fanart.jpg']);
    expect(index.get('poster.jpg')).toBe('Poster.JPG');
    expect(index.get('fanart.jpg')).toBe('fanart.jpg');
  });
});
