import { describe, expect, it } from 'vitest';
import { ARTWORK_POLL_TRIES, artworkPollDelay } from './artwork-poll';

const poster = { poster_url: '/api/v1/image/a' };
const placeholder = { poster_url: null };

describe('artworkPollDelay', () => {
  it('does not poll when every item has its poster, or there are none', () => {
    expect(artworkPollDelay([poster, poster], 0)).toBe(false);
    expect(artworkPollDelay([], 0)).toBe(false);
    expect(artworkPollDelay(undefined, 0)).toBe(false);
  });

  it('backs off while a placeholder remains, capped at a minute, and stops after the last try', () => {
    const delays = Array.from({ length: ARTWORK_POLL_TRIES + 1 }, (_, tries) => artworkPollDelay([poster, placeholder], tries));
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000, 60_000, false]);
  });
});
