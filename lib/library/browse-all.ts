// Every movie or every show across libraries, for the /movies and /shows grids: what the query
// takes and what a page holds. The read itself is lib/library/reads/browse-media.ts.
import { z } from 'zod';
import { sortParam } from '@/lib/http/sort-param';
import { mediaItemSchema } from './media-views';

export const browseQuerySchema = z.object({
  kind: z.enum(['movie', 'show']),
  sort: sortParam(['title', 'year', 'added', 'rating'], 'title'),
  /** Default: titles A→Z; years, additions and ratings newest (best) first. Unrated items come last either way. */
  ascending: z.enum(['true', 'false']).optional(),
  /** Yours: watched (a show: every episode outside specials), unwatched (nothing started), in_progress. */
  watched: z.enum(['watched', 'unwatched', 'in_progress']).optional(),
  /** One genre, as listed in `genres`. */
  genre: z.string().trim().min(1).max(100).optional(),
  year: z.coerce.number().int().min(1800).max(2200).optional(),
  /** Part of the title (case, accents and punctuation do not matter). */
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(100),
});
export type BrowseQuery = z.infer<typeof browseQuerySchema>;

export const browsePageSchema = z.object({
  items: z.array(mediaItemSchema),
  page: z.number().int(),
  page_size: z.number().int(),
  total: z.number().int(),
  /** Every genre and year among items of this kind (not only this page's), for the filters. */
  genres: z.array(z.string()),
  years: z.array(z.number().int()),
});
export type BrowsePage = z.infer<typeof browsePageSchema>;

/** The distinct genre names in these stored JSON arrays, A→Z (a bad value is skipped). */
export function genreList(stored: string[]): string[] {
  const names = new Set<string>();
  for (const s of stored) {
    try {
      const parsed: unknown = JSON.parse(s);
      if (Array.isArray(parsed)) for (const g of parsed) if (typeof g === 'string' && g.trim()) names.add(g);
    } catch {
      // Not JSON: written by something else; nothing to list.
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'en'));
}
