import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { mediaListQuerySchema, searchQuerySchema } from '@/lib/library/browse';
import { browsePageSchema, browseQuerySchema } from '@/lib/library/browse-all';
import { episodePatchSchema, mediaPatchSchema, seasonPatchSchema } from '@/lib/library/edit-media';
import { checkPathResultSchema, checkPathSchema, createLibrarySchema, librarySchema, libraryTaskSchema, updateLibrarySchema } from '@/lib/library/libraries';
import { createEpisodeSchema, createSeasonSchema, createShowSchema } from '@/lib/library/create-entries';
import { duplicatesReportSchema } from '@/lib/library/duplicates-report';
import { purgeResultSchema } from '@/lib/library/missing-and-duplicates';
import { duplicateSchema } from '@/lib/scan/find-duplicates';
import { libraryForPathQuerySchema, libraryForPathSchema } from '@/lib/library/library-for-path';
import { remoteFileSchema, remoteItemResultSchema, remoteItemSchema, remoteMissingResultSchema, remoteMissingSchema } from '@/lib/library/remote-items';
import { addedSamplesSchema, sampleOfferSchema } from '@/lib/library/sample-libraries';
import { scanIssueSchema, scanProgressSchema } from '@/lib/library/scan-progress';
import { showEpisodesSchema } from '@/lib/library/show-episodes';
import { episodeSchema, mediaDetailSchema, mediaItemSchema, seasonDetailSchema, seasonSchema } from '@/lib/library/media-views';

const idParams = z.object({ id: z.string().min(1) });
const tags = ['library'] as const;

export const listLibrariesContract = defineContract({
  method: 'GET', path: '/api/v1/library', access: 'user', tags, summary: 'Every library',
  response: { status: 200, description: 'Libraries', schema: z.array(librarySchema) },
});
export const createLibraryContract = defineContract({
  method: 'POST', path: '/api/v1/library', access: 'admin', tags, summary: 'Add a library (one or more folders) and queue its first scan',
  description: 'Each folder must be absolute, an existing readable folder, not inside DATA_DIR or TRANSCODE_DIR, and overlap no other folder (of this or another library); a refusal names the field (`paths.<i>`). Type `mixed` tells movies from episodes by name and folder (SxxEyy, season folders).',
  body: createLibrarySchema,
  response: { status: 201, description: 'Created', schema: z.object({ id: z.string() }) },
  errors: ['library_path_invalid', 'library_path_unreadable', 'library_path_forbidden', 'library_path_overlap'],
});
export const getLibraryContract = defineContract({
  method: 'GET', path: '/api/v1/library/{id}', access: 'user', tags, summary: 'One library', params: idParams,
  response: { status: 200, description: 'The library', schema: librarySchema }, errors: ['not_found'],
});
export const updateLibraryContract = defineContract({
  method: 'PATCH', path: '/api/v1/library/{id}', access: 'admin', tags, summary: 'Edit a library: name, type, folders, scan interval', params: idParams,
  description: 'New folders are scanned; removed folders take their files and the items only they held (nothing is deleted on disk); a new type reads every file again. The same folder rules as POST.',
  body: updateLibrarySchema, response: { status: 200, description: 'The library', schema: librarySchema },
  errors: ['not_found', 'library_path_invalid', 'library_path_unreadable', 'library_path_forbidden', 'library_path_overlap'],
});
export const deleteLibraryContract = defineContract({
  method: 'DELETE', path: '/api/v1/library/{id}', access: 'admin', tags, summary: 'Remove a library from Marquee (files stay on disk)', params: idParams,
  description: 'Its items, watch progress on them and its queued scans go; the worker stops watching its folders.',
  response: { status: 204, description: 'Removed' }, errors: ['not_found'],
});
export const sampleOfferContract = defineContract({
  method: 'GET', path: '/api/v1/library/sample', access: 'admin', tags, summary: 'Whether the generated sample media can be added as the sample libraries (Movies and TV)',
  response: { status: 200, description: 'The offer', schema: sampleOfferSchema },
});
export const addSampleLibrariesContract = defineContract({
  method: 'POST', path: '/api/v1/library/sample', access: 'admin', tags, summary: "Add the sample libraries: 'Sample Movies' and 'Sample TV' on the sample media, scanned at once",
  response: { status: 201, description: 'Created', schema: addedSamplesSchema }, errors: ['conflict', 'library_path_overlap'],
});
export const runLibraryContract = defineContract({
  method: 'POST', path: '/api/v1/library/{id}/run', access: 'admin', tags, summary: 'Queue a library task: scan, rescan (re-probe every file), fetch_metadata, duplicatescan',
  params: idParams, body: libraryTaskSchema,
  response: { status: 202, description: 'Queued', schema: z.object({ job_id: z.string() }) }, errors: ['not_found', 'unknown_flag', 'conflict'],
});
export const listLibraryMediaContract = defineContract({
  method: 'GET', path: '/api/v1/library/{id}/media', access: 'user', tags, summary: "A library's items, paged and sorted", params: idParams, query: mediaListQuerySchema,
  response: { status: 200, description: 'A page of items', schema: z.object({ items: z.array(mediaItemSchema), page: z.number(), page_size: z.number(), total: z.number() }) },
  errors: ['not_found'],
});

const mediaTags = ['media'] as const;
export const getMediaContract = defineContract({
  method: 'GET', path: '/api/v1/media/{id}', access: 'user', tags: mediaTags, summary: 'A movie, show or video with its files and their facts', params: idParams,
  response: { status: 200, description: 'The item', schema: mediaDetailSchema }, errors: ['not_found'],
});
export const patchMediaContract = defineContract({
  method: 'PATCH', path: '/api/v1/media/{id}', access: 'admin', tags: mediaTags, summary: 'Edit title, year or overview (edited fields are locked), or fix the match with provider + provider_id', params: idParams,
  description: 'A fixed match locks the ids: rescans and NFO files keep it, and the item is refreshed from that record (a metadata job).',
  body: mediaPatchSchema, response: { status: 200, description: 'The item', schema: mediaDetailSchema }, errors: ['not_found', 'provider_error', 'provider_unavailable'],
});
export const deleteMediaContract = defineContract({
  method: 'DELETE', path: '/api/v1/media/{id}', access: 'admin', tags: mediaTags, summary: 'Remove an item (files stay on disk and come back on the next scan)', params: idParams,
  response: { status: 204, description: 'Removed' }, errors: ['not_found'],
});
export const getShowContract = defineContract({
  method: 'GET', path: '/api/v1/tv/{id}', access: 'user', tags: mediaTags, summary: 'A show (as media)', params: idParams,
  response: { status: 200, description: 'The show', schema: mediaDetailSchema }, errors: ['not_found'],
});
export const listSeasonsContract = defineContract({
  method: 'GET', path: '/api/v1/tv/{id}/season', access: 'user', tags: mediaTags, summary: "A show's seasons", params: idParams,
  response: { status: 200, description: 'Seasons', schema: z.array(seasonSchema) }, errors: ['not_found'],
});
export const showEpisodesContract = defineContract({
  method: 'GET', path: '/api/v1/tv/{id}/episodes', access: 'user', tags: mediaTags, params: idParams,
  summary: 'A show with every season and episode, and your watched flag on each, in one answer',
  response: { status: 200, description: 'The show, its seasons and their episodes', schema: showEpisodesSchema }, errors: ['not_found'],
});
export const getSeasonContract = defineContract({
  method: 'GET', path: '/api/v1/season/{id}', access: 'user', tags: mediaTags, summary: 'A season with its episodes', params: idParams,
  response: { status: 200, description: 'The season', schema: seasonDetailSchema }, errors: ['not_found'],
});
export const patchSeasonContract = defineContract({
  method: 'PATCH', path: '/api/v1/season/{id}', access: 'admin', tags: mediaTags, summary: "Edit a season's title, overview, poster or number (each locked afterwards)", params: idParams,
  description: 'Edited fields are locked: rescans and metadata refreshes leave them alone. A new `number` must be free in the show (409 conflict); the episodes follow it, and files named for the old number stay in this season on later scans.',
  body: seasonPatchSchema, response: { status: 200, description: 'The season', schema: seasonDetailSchema }, errors: ['not_found', 'conflict', 'validation_failed'],
});
export const deleteSeasonContract = defineContract({
  method: 'DELETE', path: '/api/v1/season/{id}', access: 'admin', tags: mediaTags, summary: 'Remove a season', params: idParams,
  response: { status: 204, description: 'Removed' }, errors: ['not_found'],
});
export const listEpisodesContract = defineContract({
  method: 'GET', path: '/api/v1/season/{id}/episode', access: 'user', tags: mediaTags, summary: "A season's episodes", params: idParams,
  response: { status: 200, description: 'Episodes', schema: z.array(episodeSchema) }, errors: ['not_found'],
});
export const getEpisodeContract = defineContract({
  method: 'GET', path: '/api/v1/episode/{id}', access: 'user', tags: mediaTags, summary: 'An episode with its files', params: idParams,
  response: { status: 200, description: 'The episode', schema: episodeSchema }, errors: ['not_found'],
});
export const patchEpisodeContract = defineContract({
  method: 'PATCH', path: '/api/v1/episode/{id}', access: 'admin', tags: mediaTags, summary: 'Edit an episode (edited fields are locked)', params: idParams,
  body: episodePatchSchema, response: { status: 200, description: 'The episode', schema: episodeSchema }, errors: ['not_found'],
});
export const deleteEpisodeContract = defineContract({
  method: 'DELETE', path: '/api/v1/episode/{id}', access: 'admin', tags: mediaTags, summary: 'Remove an episode', params: idParams,
  response: { status: 204, description: 'Removed' }, errors: ['not_found'],
});
export const browseMediaContract = defineContract({
  method: 'GET', path: '/api/v1/media', access: 'user', tags: mediaTags, query: browseQuerySchema,
  summary: 'Every movie or every show across libraries: sorted, filtered by your watched state, genre, year and title, paged',
  response: { status: 200, description: 'A page of items, and the genres and years to filter by', schema: browsePageSchema },
});
export const searchContract = defineContract({
  method: 'GET', path: '/api/v1/search', access: 'user', tags: mediaTags, summary: 'Search titles across libraries', query: searchQuerySchema,
  response: { status: 200, description: 'Matches', schema: z.array(mediaItemSchema) },
});

export const scanProgressContract = defineContract({
  method: 'GET', path: '/api/v1/library/{id}/scan', access: 'user', tags, summary: "A library's scan state and progress", params: idParams,
  response: { status: 200, description: 'Scan state', schema: scanProgressSchema }, errors: ['not_found'],
});
export const scanEventsContract = defineContract({
  method: 'GET', path: '/api/v1/library/{id}/events', access: 'user', tags, summary: 'Scan progress as server-sent events (`event: progress`, data as GET …/scan)', params: idParams,
  response: { status: 200, description: 'An event stream', contentType: 'text/event-stream', schema: z.string() }, errors: ['not_found'],
});
export const scanIssuesContract = defineContract({
  method: 'GET', path: '/api/v1/library/{id}/issues', access: 'admin', tags, summary: 'Per-file problems of the last scan (unreadable, not media, symlink loop…)', params: idParams,
  response: { status: 200, description: 'Issues', schema: z.array(scanIssueSchema) }, errors: ['not_found'],
});
export const checkPathContract = defineContract({
  method: 'POST', path: '/api/v1/library/check-path', access: 'admin', tags, summary: 'Would this folder be accepted as a library folder? (for forms, as you type; `library_id` when editing that library)',
  body: checkPathSchema, response: { status: 200, description: 'The verdict', schema: checkPathResultSchema },
});
export const pushMediaContract = defineContract({
  method: 'POST', path: '/api/v1/library/{id}/media', access: 'admin', scopes: ['full', 'scanner'], tags, params: idParams,
  summary: 'Add a file found by a remote scanner (same parser and identity rules; pushing it again changes nothing; a new path with the size and head/tail hash of a missing file is that file moved: it keeps its id and item)',
  body: remoteItemSchema, response: { status: 201, description: 'The item the file belongs to', schema: remoteItemResultSchema },
  errors: ['not_found', 'conflict'],
});
export const listRemoteFilesContract = defineContract({
  method: 'GET', path: '/api/v1/library/{id}/files', access: 'admin', scopes: ['full', 'read', 'scanner'], tags, params: idParams,
  summary: 'Files pushed by remote scanners (so a scanner can skip unchanged ones and report the ones it no longer finds)',
  response: { status: 200, description: 'Files', schema: z.array(remoteFileSchema) }, errors: ['not_found'],
});
export const markRemoteMissingContract = defineContract({
  method: 'POST', path: '/api/v1/library/{id}/files/missing', access: 'admin', scopes: ['full', 'scanner'], tags, params: idParams,
  summary: 'Files a remote scanner no longer finds: marked missing like a local scan\'s (kept for a move to find them, purged after MISSING_PURGE_DAYS); sending them again changes nothing',
  body: remoteMissingSchema, response: { status: 200, description: 'What was marked', schema: remoteMissingResultSchema }, errors: ['not_found'],
});
export const libraryForPathContract = defineContract({
  method: 'GET', path: '/api/v1/library/for-path', access: 'admin', scopes: ['full', 'read', 'scanner'], tags, query: libraryForPathQuerySchema,
  summary: 'Which library has a folder holding this path (a remote scanner started without --library asks with its root); compared with folder paths only, never looked up on disk',
  response: { status: 200, description: 'The library', schema: libraryForPathSchema }, errors: ['not_found', 'library_ambiguous'],
});
export const purgeMissingContract = defineContract({
  method: 'DELETE', path: '/api/v1/library/{id}/missing', access: 'admin', tags, params: idParams,
  summary: 'Purge everything missing in this library now (otherwise purged after MISSING_PURGE_DAYS)',
  response: { status: 200, description: 'What was purged', schema: purgeResultSchema }, errors: ['not_found'],
});
export const duplicatesContract = defineContract({
  method: 'GET', path: '/api/v1/library/{id}/duplicates', access: 'user', tags, params: idParams,
  summary: 'Movies, videos and episodes that have several files',
  response: { status: 200, description: 'Duplicates', schema: z.array(duplicateSchema) }, errors: ['not_found'],
});
export const duplicatesReportContract = defineContract({
  method: 'GET', path: '/api/v1/library/{id}/duplicates/report', access: 'user', tags, params: idParams,
  summary: 'The report of the last duplicatescan task: its state, and once its scan has finished the items with several files',
  response: { status: 200, description: 'The report', schema: duplicatesReportSchema }, errors: ['not_found'],
});
export const createShowContract = defineContract({
  method: 'POST', path: '/api/v1/library/{id}/show', access: 'admin', scopes: ['full', 'scanner'], tags: mediaTags, params: idParams,
  summary: 'Add a show known from metadata, without files (so it can be followed; missing until files turn up)', body: createShowSchema,
  response: { status: 201, description: 'Created', schema: z.object({ id: z.string() }) }, errors: ['not_found', 'conflict'],
});
export const createSeasonContract = defineContract({
  method: 'POST', path: '/api/v1/tv/{id}/season', access: 'admin', scopes: ['full', 'scanner'], tags: mediaTags, params: idParams,
  summary: 'Add a season to a show (missing until a file for it turns up)', body: createSeasonSchema,
  response: { status: 201, description: 'Created', schema: z.object({ id: z.string() }) }, errors: ['not_found', 'conflict'],
});
export const createEpisodeContract = defineContract({
  method: 'POST', path: '/api/v1/season/{id}/episode', access: 'admin', scopes: ['full', 'scanner'], tags: mediaTags, params: idParams,
  summary: 'Add an episode to a season (missing until a file for it turns up)', body: createEpisodeSchema,
  response: { status: 201, description: 'Created', schema: z.object({ id: z.string() }) }, errors: ['not_found', 'conflict'],
});
