import { describe, expect, it } from 'vitest';
import { formatImageKey, imageUrl, parseImageKey, pickWidth } from './image-key';

const hash = '0123456789abcdef0123456789abcdef';

describe('image keys', () => {
  it('round-trips hash and widths, sorted', () => {
    const key = formatImageKey(hash, [640, 200, 400]);
    expect(key).toBe(`${hash}-200-400-640`);
    expect(parseImageKey(key)).toEqual({ hash, widths: [200, 400, 640] });
  });

  it.each([
    [`${hash}`],
    [`${hash}-`],
    [`${hash}-0`],
    [`${hash}-0200`],
    [`${hash}-400-200`],
    [`${hash}-200-200`],
    [`${hash}-5000`],
    [`${hash.toUpperCase()}-200`],
    [`${hash.slice(1)}-200`],
    [`${hash}-200.webp`],
    [`../${hash}-200`],
    [`${hash}-200/../../etc`],
    [`${hash}-200%2f`],
  ])('refuses %j', (key) => {
    expect(parseImageKey(key)).toBeNull();
  });

  it.each<[number | undefined, number]>([
    [undefined, 800],
    [1, 200],
    [200, 200],
    [201, 400],
    [800, 800],
    [2000, 800],
  ])('pickWidth(w=%s) serves %i', (wanted, expected) => {
    expect(pickWidth([200, 400, 800], wanted)).toBe(expected);
  });

  it('imageUrl', () => {
    expect(imageUrl(`${hash}-200`)).toBe(`/api/v1/image/${hash}-200`);
    expect(imageUrl(null)).toBeNull();
  });
});
