// The online side of items, for the API: how an item was matched (and the fix), the admins'
// unmatched list, an item's cast and crew, and the catalog (the provider's search) to find and
// follow shows that are in no library yet.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { jobQueue } from '@/lib/jobs/job-queue';
import { imageUrl } from '@/lib/media/image-key';
import { normalizeTitle, sortTitle } from '@/lib/scan/identity';
import { setFollow } from '@/lib/tracking/watched';
import { localMetadataJob } from '../local-metadata-job';
import type { MatchInfo } from './identify';
import { onlineProvider as configuredProvider } from './online-provider';
import type { OnlineProvider } from './provider';
import { catalogChanged } from '@/lib/list-cache/list-cache';

/** The provider, with its failures as API errors (502) rather than internal ones. */
function onlineProvider(): OnlineProvider | null {
  const p = configuredProvider();
  if (!p) return null;
  const guard =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    (...a: A) =>
      fn(...a).catch((err: unknown) => {
        throw new ApiError('provider_error', `${p.name}: ${err instanceof Error ? err.message : String(err)}`);
      });
  return { name: p.name, search: guard(p.search), findByExternalId: guard(p.findByExternalId), details: guard(p.details), image: guard(p.image) };
}

const noProvider = () => new ApiError('provider_unavailable', 'No online metadata provider is configured (set TMDB_API_KEY or TVDB_API_KEY).');

export const matchViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['movie', 'show', 'video']),
  title: z.string(),
  year: z.number().nullable(),
  status: z.enum(['none', 'matched', 'unmatched', 'manual']).describe('none: no provider asked yet; manual: chosen by an admin, kept through rescans'),
  ids: z.object({ tmdb: z.string().nullable(), tvdb: z.string().nullable(), imdb: z.string().nullable() }),
  provider: z.string().nullable(),
  method: z.string().nullable().describe('manual, id (known from an NFO or an earlier match), external_id, search'),
  parsed: z.object({ title: z.string(), year: z.number().nullable() }).nullable(),
  reason: z.string().nullable(),
  candidates: z.array(z.object({ provider: z.string(), id: z.string(), title: z.string(), year: z.number().nullable(), score: z.number(), title_score: z.number(), year_score: z.number() })),
  checked_at: z.string().nullable(),
});

function readMatchInfo(json: string | null): MatchInfo | null {
  try {
    return json ? (JSON.parse(json) as MatchInfo) : null;
  } catch {
    return null;
  }
}

export async function getMatch(id: string): Promise<z.infer<typeof matchViewSchema>> {
  const item = await db.mediaItem.findUnique({ where: { id }, select: { id: true, kind: true, title: true, year: true, matchStatus: true, matchInfo: true, tmdbId: true, tvdbId: true, imdbId: true } });
  if (!item) throw new ApiError('not_found', 'No such media.');
  const info = readMatchInfo(item.matchInfo);
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    year: item.year,
    status: matchViewSchema.shape.status.catch('none').parse(item.matchStatus),
    ids: { tmdb: item.tmdbId, tvdb: item.tvdbId, imdb: item.imdbId },
    provider: info?.provider ?? null,
    method: info?.method ?? null,
    parsed: info?.parsed ?? null,
    reason: info?.reason ?? null,
    candidates: (info?.candidates ?? []).map((c) => ({ provider: c.provider, id: c.id, title: c.title, year: c.year, score: c.score, title_score: c.titleScore, year_score: c.yearScore })),
    checked_at: info?.at ?? null,
  };
}

export const providerName = z.enum(['tmdb', 'tvdb']);
export const fixMatchSchema = z.object({ provider: providerName, provider_id: z.string().regex(/^\d{1,12}$/, 'a provider id is a number') });

/** The item column holding a provider's id. */
const idColumn = (provider: string) => (provider === 'tvdb' ? 'tvdbId' : 'tmdbId');

function requireProvider(name: string): OnlineProvider {
  const provider = onlineProvider();
  if (!provider) throw noProvider();
  if (provider.name !== name) throw new ApiError('validation_failed', `This server matches with ${provider.name}, not ${name}.`);
  return provider;
}

/** An admin's choice: the id is kept (locked) through rescans and NFOs, and the item is refreshed from it. */
export async function fixMatch(id: string, input: z.infer<typeof fixMatchSchema>): Promise<void> {
  const item = await db.mediaItem.findUnique({ where: { id }, select: { kind: true, lockedFields: true } });
  if (!item) throw new ApiError('not_found', 'No such media.');
  if (item.kind === 'video') throw new ApiError('validation_failed', 'Home videos are not matched online.');
  const provider = requireProvider(input.provider);
  const details = await provider.details(item.kind, input.provider_id);
  if (!details) throw new ApiError('not_found', `${provider.name} has no ${item.kind} ${input.provider_id}.`);
  const locked = [...new Set([...(JSON.parse(item.lockedFields) as string[]), 'ids'])].sort();
  await db.mediaItem.update({
    where: { id },
    data: { tmdbId: details.ids.tmdb, tvdbId: details.ids.tvdb, imdbId: details.ids.imdb, [idColumn(provider.name)]: details.id, matchStatus: 'manual', lockedFields: JSON.stringify(locked) },
  });
  catalogChanged();
  await jobQueue().enqueue(localMetadataJob, { itemId: id });
}

export const unmatchedQuery = z.object({ page: z.coerce.number().int().min(1).default(1), per_page: z.coerce.number().int().min(1).max(200).default(50) });
export const unmatchedPageSchema = z.object({
  page: z.number().int(),
  per_page: z.number().int(),
  total: z.number().int(),
  items: z.array(z.object({ id: z.string(), kind: z.enum(['movie', 'show', 'video']), title: z.string(), year: z.number().nullable(), library_id: z.string(), reason: z.string().nullable() })),
});

export async function listUnmatched(q: z.infer<typeof unmatchedQuery>) {
  const where = { matchStatus: 'unmatched' };
  const [total, rows] = await Promise.all([
    db.mediaItem.count({ where }),
    db.mediaItem.findMany({ where, orderBy: [{ sortTitle: 'asc' }, { id: 'asc' }], skip: (q.page - 1) * q.per_page, take: q.per_page, select: { id: true, kind: true, title: true, year: true, libraryId: true, matchInfo: true } }),
  ]);
  return { page: q.page, per_page: q.per_page, total, items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, year: r.year, library_id: r.libraryId, reason: readMatchInfo(r.matchInfo)?.reason ?? null })) };
}

const creditSchema = z.object({ person_id: z.string(), name: z.string(), character: z.string().nullable(), job: z.string().nullable(), profile_url: z.string().nullable() });
export const creditsSchema = z.object({ cast: z.array(creditSchema), crew: z.array(creditSchema) });

export async function getCredits(id: string): Promise<z.infer<typeof creditsSchema>> {
  if (!(await db.mediaItem.findUnique({ where: { id }, select: { id: true } }))) throw new ApiError('not_found', 'No such media.');
  const rows = await db.credit.findMany({ where: { itemId: id }, orderBy: [{ kind: 'asc' }, { order: 'asc' }], select: { kind: true, character: true, job: true, person: { select: { id: true, name: true, profilePath: true } } } });
  const view = (r: (typeof rows)[number]) => ({ person_id: r.person.id, name: r.person.name, character: r.character, job: r.job, profile_url: imageUrl(r.person.profilePath) });
  return { cast: rows.filter((r) => r.kind === 'cast').map(view), crew: rows.filter((r) => r.kind === 'crew').map(view) };
}

export const catalogQuery = z.object({ q: z.string().trim().min(1).max(200), type: z.enum(['movie', 'show']).default('show'), year: z.coerce.number().int().min(1870).max(2200).optional() });
export const catalogResultSchema = z.array(
  z.object({ provider: z.string(), provider_id: z.string(), type: z.enum(['movie', 'show']), title: z.string(), year: z.number().nullable(), media_id: z.string().nullable().describe('The library item with this id, when there is one') }),
);

export async function catalogSearch(q: z.infer<typeof catalogQuery>): Promise<z.infer<typeof catalogResultSchema>> {
  const provider = onlineProvider();
  if (!provider) throw noProvider();
  const results = await provider.search(q.type, q.q, q.year ?? null);
  const column = idColumn(provider.name);
  const known = await db.mediaItem.findMany({ where: { [column]: { in: results.map((r) => r.id) }, kind: q.type }, select: { id: true, tmdbId: true, tvdbId: true } });
  const byId = new Map(known.map((k) => [k[column], k.id]));
  return results.map((r) => ({ provider: r.provider, provider_id: r.id, type: q.type, title: r.title, year: r.year, media_id: byId.get(r.id) ?? null }));
}

export const catalogFollowSchema = z.object({ provider: providerName, provider_id: z.string().regex(/^\d{1,12}$/) });

/**
 * Follows a show from the catalog: the library item with that TMDB id, or a new one (no files,
 * `missing`) in the first TV library, filled in from TMDB by the metadata job (seasons and
 * episodes included, so progress and the calendar work before any file arrives).
 */
export async function followFromCatalog(userId: string, input: z.infer<typeof catalogFollowSchema>): Promise<{ id: string; created: boolean }> {
  const existing = await db.mediaItem.findFirst({ where: { kind: 'show', [idColumn(input.provider)]: input.provider_id }, select: { id: true } });
  if (existing) {
    await setFollow(userId, existing.id, true);
    return { id: existing.id, created: false };
  }
  const provider = requireProvider(input.provider);
  const details = await provider.details('show', input.provider_id);
  if (!details) throw new ApiError('not_found', `${provider.name} has no show ${input.provider_id}.`);
  const library = await db.library.findFirst({ where: { type: { in: ['tv', 'mixed'] } }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  if (!library) throw new ApiError('conflict', 'Add a TV (or mixed) library first: followed shows live in one.');
  const identityKey = `show:${normalizeTitle(details.title)}${details.year ? `:${details.year}` : ''}`;
  const item = await db.mediaItem.upsert({
    where: { libraryId_identityKey: { libraryId: library.id, identityKey } },
    create: {
      libraryId: library.id, kind: 'show', identityKey, title: details.title, sortTitle: sortTitle(details.title), year: details.year, overview: details.overview,
      tmdbId: details.ids.tmdb, tvdbId: details.ids.tvdb, imdbId: details.ids.imdb, [idColumn(provider.name)]: details.id, status: 'missing', missingSince: new Date(), matchStatus: 'matched',
    },
    update: { [idColumn(provider.name)]: details.id },
    select: { id: true },
  });
  catalogChanged();
  await setFollow(userId, item.id, true);
  await jobQueue().enqueue(localMetadataJob, { itemId: item.id });
  return { id: item.id, created: true };
}
