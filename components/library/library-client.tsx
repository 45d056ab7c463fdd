'use client';
// /libraries/[id]: live scan state (server-sent events), admin scan buttons, scan problems, and
// the item grid with sort and search. When a scan finishes or the item count moves, items refetch.
import { useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { formError } from '@/components/queries/api-fetch';
import { libraryKeys, useRunLibraryTask, type LibraryTask, type LibraryView } from '@/components/queries/use-libraries';
import { libraryMediaKeys, useLibraryMedia, type MediaPage, type MediaSort } from '@/components/queries/use-library-media';
import { scanIssueKeys, type ScanIssue } from '@/components/queries/use-scan-issues';
import { useScanProgress, type ScanProgress } from '@/components/queries/use-scan-progress';
import { useSearch } from '@/components/queries/use-search';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatDate } from '@/components/ui/format-date';
import { inputClass } from '@/components/ui/input-class';
import { SelectField } from '@/components/ui/select-field';
import { LibraryAdminActions } from './library-admin-client';
import { itemCount, libraryTypeLabel } from './library-labels';
import { MediaGrid } from './media-grid';
import { MEDIA_SORTS, WATCHED_FILTERS, type WatchedFilter } from './media-sort';
import { ScanIssues } from './scan-issues-client';
import { RenditionsProgressBar } from './renditions-progress-bar';
import { ScanProgressBar } from './scan-progress-bar';
import { UploadVideo } from './upload-client';
import { WatchStatus } from './watch-status';

interface LibraryProps {
  library: LibraryView;
  initialProgress: ScanProgress;
  initialMedia: MediaPage;
  /** Loaded for admins only. */
  initialIssues?: ScanIssue[];
  isAdmin: boolean;
  /** Admins, and users an admin allowed to upload. */
  canUpload?: boolean;
}

function matches(title: string, q: string): boolean {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  return fold(title).includes(fold(q));
}

export function Library({ library, initialProgress, initialMedia, initialIssues, isAdmin, canUpload = false }: LibraryProps) {
  const qc = useQueryClient();
  const { data: progress = initialProgress } = useScanProgress(library.id, initialProgress);
  const [sort, setSort] = useState<MediaSort>('title');
  const [watched, setWatched] = useState<WatchedFilter>('');
  const media = useLibraryMedia(library.id, sort, sort === 'title' && !watched ? initialMedia : undefined, watched);
  const page = media.data ?? initialMedia;
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query.trim());
  // Every item is loaded unless the library is bigger than a page: then search asks the server.
  const partial = page.total > page.items.length;
  const search = useSearch(q, { enabled: partial });
  const run = useRunLibraryTask(library.id);

  // A scan that ends (back to idle) or adds items: refetch what it changed.
  const last = useRef({ status: initialProgress.status, count: initialProgress.media_count, scannedAt: initialProgress.last_scan_at });
  useEffect(() => {
    const prev = last.current;
    last.current = { status: progress.status, count: progress.media_count, scannedAt: progress.last_scan_at };
    const finished = prev.status !== progress.status && (progress.status === 'idle' || progress.status === 'error');
    if (finished || prev.count !== progress.media_count || prev.scannedAt !== progress.last_scan_at) {
      void qc.invalidateQueries({ queryKey: libraryMediaKeys.library(library.id) });
      void qc.invalidateQueries({ queryKey: libraryKeys.all });
      void qc.invalidateQueries({ queryKey: scanIssueKeys.list(library.id) });
    }
  }, [progress.status, progress.media_count, progress.last_scan_at, library.id, qc]);

  const items = !q
    ? page.items
    : partial
      ? (search.data ?? []).filter((i) => i.library_id === library.id)
      : page.items.filter((i) => matches(i.title, q));
  const busy = progress.status === 'queued' || progress.status === 'scanning';
  const runTask = (flag: LibraryTask) => run.mutate(flag);

  return (
    <div className="space-y-8">
      <section aria-label="Scan" className="space-y-4 rounded-2xl border border-white/10 bg-zinc-900/60 p-5 shadow-xl shadow-black/20 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-[16rem] flex-1">
            <ScanProgressBar progress={progress} />
            {progress.renditions && (
              <div className="mt-4">
                <RenditionsProgressBar renditions={progress.renditions} />
              </div>
            )}
          </div>
          {isAdmin && (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => runTask('scan')} pending={run.isPending && run.variables === 'scan'} disabled={busy}>
                Scan
              </Button>
              <Button
                variant="ghost"
                onClick={() => runTask('rescan')}
                pending={run.isPending && run.variables === 'rescan'}
                disabled={busy}
                title="Read every file again, even unchanged ones"
              >
                Rescan
              </Button>
              <LibraryAdminActions library={library} />
            </div>
          )}
        </div>
        <p className="text-sm text-zinc-400">
          {itemCount(library.type, progress.media_count)} · last scan{' '}
          {progress.last_scan_at ? <time dateTime={progress.last_scan_at}>{formatDate(progress.last_scan_at)}</time> : 'never'}
        </p>
        {run.error && <Alert tone="error">{formError(run.error)}</Alert>}
        {isAdmin && <WatchStatus status={progress.watch_status} />}
      </section>

      {canUpload && <UploadVideo libraryId={library.id} />}

      {isAdmin && <ScanIssues libraryId={library.id} count={progress.issue_count} initialIssues={initialIssues} />}

      <section aria-labelledby="items-heading" className="space-y-5">
        <div className="flex flex-wrap items-end gap-3">
          <h2 id="items-heading" className="mr-auto text-lg font-semibold text-zinc-50">
            {libraryTypeLabel(library.type)}
            <span className="ml-2 text-sm font-normal text-zinc-500">{page.total.toLocaleString('en')}</span>
          </h2>
          <div className="w-full sm:w-64">
            <label htmlFor="library-search" className="sr-only">
              Search titles
            </label>
            <input
              id="library-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Search titles…"
              autoComplete="off"
              className={inputClass}
            />
          </div>
          <SelectField label="Show" hideLabel options={WATCHED_FILTERS} value={watched} onChange={(e) => setWatched(e.target.value as WatchedFilter)} className="w-40" />
          <SelectField label="Sort by" hideLabel options={MEDIA_SORTS} value={sort} onChange={(e) => setSort(e.target.value as MediaSort)} className="w-44" />
        </div>

        {page.items.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-white/15 bg-zinc-900/40 px-6 py-12 text-center text-sm text-zinc-400">
            {busy ? 'Scanning the folder: items appear here as they are found.' : 'Nothing here yet.'}
          </p>
        ) : items.length === 0 ? (
          <p className="px-1 py-8 text-center text-sm text-zinc-400" role="status">
            {partial && search.isFetching ? 'Searching…' : `Nothing matches “${q}”.`}
          </p>
        ) : (
          <>
            <MediaGrid items={items} label={`${library.name} items`} />
            {partial && !q && (
              <p className="text-center text-xs text-zinc-500">
                Showing the first {page.items.length.toLocaleString('en')} of {page.total.toLocaleString('en')}. Search to find the rest.
              </p>
            )}
          </>
        )}
      </section>
    </div>
  );
}
