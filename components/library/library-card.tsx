// One library in a grid: name (the link to it), type, item count, last scan and scan state.
import Link from 'next/link';
import { formatDate } from '@/components/ui/format-date';
import type { LibraryView } from '@/lib/library/libraries';
import { itemCount, libraryTypeLabel } from './library-labels';
import { ScanStatusBadge } from './scan-status-badge';

const icons: Record<LibraryView['type'], string> = {
  movies: 'M4 5h16v14H4zM8 5v14M16 5v14M4 9h4M4 15h4M16 9h4M16 15h4',
  tv: 'M3 6h18v11H3zM8 21h8M12 17v4',
  videos: 'M4 6h11v12H4zM15 10l5-3v10l-5-3',
  mixed: 'M3 4h12v9H3zM7 13v3M11 13v3M9 20h12V9h-3M5 16h10',
};

export function LibraryCard({ library }: { library: LibraryView }) {
  return (
    <article className="group relative flex flex-col gap-4 rounded-2xl border border-white/10 bg-zinc-900/60 p-5 shadow-xl shadow-black/20 transition-colors focus-within:border-accent-400/60 hover:border-white/20 hover:bg-zinc-900/80">
      <div className="flex items-start gap-3">
        <span aria-hidden className="grid size-10 shrink-0 place-items-center rounded-xl bg-accent-400/10 text-accent-300 ring-1 ring-inset ring-accent-400/20">
          <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={1.7} strokeLinecap="round" strokeLinejoin="round">
            <path d={icons[library.type]} />
          </svg>
        </span>
        <div className="min-w-0">
          <h3 className="truncate text-base font-semibold text-zinc-50">
            {/* The link covers the whole card. */}
            <Link href={`/libraries/${encodeURIComponent(library.id)}`} className="outline-none after:absolute after:inset-0 after:rounded-2xl">
              {library.name}
            </Link>
          </h3>
          <p className="text-sm text-zinc-400">{libraryTypeLabel(library.type)}</p>
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-500">Items</dt>
        <dd className="text-right font-medium text-zinc-200">{itemCount(library.type, library.media_count)}</dd>
        <dt className="text-zinc-500">Last scan</dt>
        <dd className="text-right text-zinc-300">
          {library.last_scan_at ? <time dateTime={library.last_scan_at}>{formatDate(library.last_scan_at)}</time> : 'Never'}
        </dd>
      </dl>
      <div>
        <ScanStatusBadge status={library.scan_status} lastScanAt={library.last_scan_at} />
      </div>
    </article>
  );
}
