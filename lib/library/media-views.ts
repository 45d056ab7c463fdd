// What the API shows of items, seasons, episodes and files.
import { z } from 'zod';
import { imageUrl } from '@/lib/media/image-key';

export const fileViewSchema = z.object({
  id: z.string(),
  path: z.string(),
  size: z.number(),
  status: z.enum(['ok', 'missing']),
  probe_error: z.string().nullable(),
  media_info: z.unknown().nullable(),
});

export const mediaItemSchema = z.object({
  id: z.string(),
  library_id: z.string(),
  kind: z.enum(['movie', 'show', 'video']),
  title: z.string(),
  year: z.number().int().nullable(),
  overview: z.string().nullable(),
  status: z.enum(['ok', 'missing']),
  /** Image keys (stored artwork); the *_url fields are what a browser loads (add `?w=<width>`). */
  poster_path: z.string().nullable(),
  backdrop_path: z.string().nullable(),
  poster_url: z.string().nullable(),
  backdrop_url: z.string().nullable(),
  ids: z.object({ tmdb: z.string().nullable(), tvdb: z.string().nullable(), imdb: z.string().nullable() }),
  rating: z.number().nullable().describe("The online provider's community rating, 0–10 (TMDB vote_average), or one an admin set; null when unknown"),
  locked_fields: z.array(z.string()),
  added_at: z.string(),
});
export const mediaDetailSchema = mediaItemSchema.extend({ files: z.array(fileViewSchema) });

export const episodeSchema = z.object({
  id: z.string(),
  show_id: z.string(),
  season_id: z.string(),
  season_number: z.number().int(),
  number: z.number().int(),
  title: z.string().nullable(),
  overview: z.string().nullable(),
  air_date: z.string().nullable(),
  status: z.enum(['ok', 'missing']),
  thumb_path: z.string().nullable(),
  thumb_url: z.string().nullable(),
  files: z.array(fileViewSchema),
  /** Whether the caller has watched it (only where the caller is known). */
  watched: z.boolean().optional(),
});
export const seasonSchema = z.object({
  id: z.string(),
  show_id: z.string(),
  number: z.number().int(),
  title: z.string(),
  overview: z.string().nullable(),
  status: z.enum(['ok', 'missing']),
  locked_fields: z.array(z.string()),
  poster_path: z.string().nullable(),
  poster_url: z.string().nullable(),
  episode_count: z.number().int(),
});
export const seasonDetailSchema = seasonSchema.extend({ episodes: z.array(episodeSchema) });

type FileRow = { id: string; path: string; size: bigint; status: 'ok' | 'missing'; probeError: string | null; mediaInfo: unknown };
/** An item's columns as `itemView` reads them (Prisma rows, and raw rows with `addedAt` as the driver gives it). */
export type ItemRow = {
  id: string;
  libraryId: string;
  kind: 'movie' | 'show' | 'video';
  title: string;
  year: number | null;
  overview: string | null;
  status: 'ok' | 'missing';
  posterPath: string | null;
  backdropPath: string | null;
  tmdbId: string | null;
  tvdbId: string | null;
  imdbId: string | null;
  rating: number | null;
  lockedFields: string;
  addedAt: Date;
};

export function fileView(f: FileRow): z.infer<typeof fileViewSchema> {
  return { id: f.id, path: f.path, size: Number(f.size), status: f.status, probe_error: f.probeError, media_info: f.mediaInfo ?? null };
}

export function itemView(i: ItemRow): z.infer<typeof mediaItemSchema> {
  return {
    id: i.id,
    library_id: i.libraryId,
    kind: i.kind,
    title: i.title,
    year: i.year,
    overview: i.overview,
    status: i.status,
    poster_path: i.posterPath,
    backdrop_path: i.backdropPath,
    poster_url: imageUrl(i.posterPath),
    backdrop_url: imageUrl(i.backdropPath),
    ids: { tmdb: i.tmdbId, tvdb: i.tvdbId, imdb: i.imdbId },
    rating: i.rating,
    locked_fields: JSON.parse(i.lockedFields) as string[],
    added_at: i.addedAt.toISOString(),
  };
}

export function episodeView(e: {
  id: string;
  showId: string;
  seasonId: string;
  seasonNumber: number;
  number: number;
  title: string | null;
  overview: string | null;
  airDate: string | null;
  status: 'ok' | 'missing';
  thumbPath: string | null;
  files: { file: FileRow }[];
}): z.infer<typeof episodeSchema> {
  return {
    id: e.id,
    show_id: e.showId,
    season_id: e.seasonId,
    season_number: e.seasonNumber,
    number: e.number,
    title: e.title,
    overview: e.overview,
    air_date: e.airDate,
    status: e.status,
    thumb_path: e.thumbPath,
    thumb_url: imageUrl(e.thumbPath),
    files: e.files.map((f) => fileView(f.file)),
  };
}

export function seasonView(s: {
  id: string;
  showId: string;
  number: number;
  title: string;
  overview: string | null;
  status: 'ok' | 'missing';
  lockedFields: string;
  posterPath: string | null;
  _count: { episodes: number };
}): z.infer<typeof seasonSchema> {
  return {
    id: s.id,
    show_id: s.showId,
    number: s.number,
    title: s.title,
    overview: s.overview,
    status: s.status,
    locked_fields: JSON.parse(s.lockedFields) as string[],
    poster_path: s.posterPath,
    poster_url: imageUrl(s.posterPath),
    episode_count: s._count.episodes,
  };
}
