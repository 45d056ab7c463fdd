// The home page's "Your libraries": the libraries as cards, or a call to add one (admins) when there are none.
import Link from 'next/link';
import type { LibraryView } from '@/lib/library/libraries';
import { LibraryCard } from './library-card';
import { SampleLibrariesOffer } from './sample-libraries-offer-client';

export function YourLibraries({ libraries, isAdmin }: { libraries: LibraryView[]; isAdmin: boolean }) {
  return (
    <section aria-labelledby="your-libraries-heading" className="space-y-4">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id="your-libraries-heading" className="text-lg font-semibold text-zinc-50">
          Your libraries
        </h2>
        {libraries.length > 0 && (
          <Link href="/libraries" className="text-sm font-medium text-accent-300 hover:text-accent-400 hover:underline">
            All libraries
          </Link>
        )}
      </div>
      {libraries.length > 0 ? (
        // Tracks of minmax(0, 1fr): a long library name truncates in its card instead of widening the page.
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {libraries.map((l) => (
            <LibraryCard key={l.id} library={l} />
          ))}
        </div>
      ) : (
        <div className="rounded-2xl border border-dashed border-white/15 bg-zinc-900/40 px-6 py-12 text-center">
          <div aria-hidden className="mx-auto mb-4 flex w-fit gap-1.5">
            {Array.from({ length: 7 }, (_, i) => (
              <span key={i} className="size-2 rounded-full bg-accent-400/70 shadow-[0_0_8px] shadow-accent-400/60" />
            ))}
          </div>
          <p className="font-semibold text-zinc-50">No libraries yet</p>
          <p className="mx-auto mt-2 max-w-md text-sm text-zinc-400">
            {isAdmin
              ? 'Add a folder of movies, TV shows or videos: Marquee scans it, reads every file and keeps watching it for changes.'
              : 'An admin of this server has not added any folders yet.'}
          </p>
          {isAdmin && (
            <div className="mx-auto mt-6 max-w-xl">
              <SampleLibrariesOffer />
            </div>
          )}
          {isAdmin && (
            <Link href="/libraries" className="mt-6 inline-flex rounded-lg bg-accent-400 px-4 py-2 text-sm font-semibold text-zinc-950 shadow-sm shadow-accent-500/20 hover:bg-accent-300">
              Add a library
            </Link>
          )}
        </div>
      )}
    </section>
  );
}
