// Posters that are still placeholders: artwork usually arrives within a minute of a scan (local
// files, then the online provider), in a background job the page is not told about. While some
// item on screen has no poster, its query refetches on a backoff — 2 s, 4 s, 8 s … up to a minute
// apart — and gives up after ten tries (about five minutes), so a collection that simply has no
// artwork costs a handful of small reads, not a poll forever.
const FIRST_MS = 2_000;
const MAX_MS = 60_000;
export const ARTWORK_POLL_TRIES = 10;

/** How long to wait before refetch number `tries + 1`, or false to stop (nothing missing, or tried enough). */
export function artworkPollDelay(items: readonly { poster_url: string | null }[] | undefined, tries: number): number | false {
  if (!items?.some((i) => !i.poster_url) || tries >= ARTWORK_POLL_TRIES) return false;
  return Math.min(MAX_MS, FIRST_MS * 2 ** tries);
}
