'use client';
// /libraries: every library as a card, kept fresh while scans run; admins also get the add form.
import { useLibraries, type LibraryView } from '@/components/queries/use-libraries';
import { Panel } from '@/components/ui/panel';
import { AddLibraryForm } from './add-library-form-client';
import { LibraryCard } from './library-card';
import { SampleLibrariesOffer } from './sample-libraries-offer-client';

export function Libraries({ initialLibraries, isAdmin }: { initialLibraries: LibraryView[]; isAdmin: boolean }) {
  const { data: libraries = initialLibraries } = useLibraries(initialLibraries);
  return (
    <div className="space-y-8">
      {isAdmin && libraries.length === 0 && <SampleLibrariesOffer />}
      {libraries.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-white/15 bg-zinc-900/40 px-6 py-10 text-center text-sm text-zinc-400">
          {isAdmin ? 'No libraries yet. Add a folder of movies, shows or videos below.' : 'No libraries yet. An admin of this server can add some.'}
        </p>
      ) : (
        <section aria-label="Libraries" className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {libraries.map((l) => (
            <LibraryCard key={l.id} library={l} />
          ))}
        </section>
      )}
      {isAdmin && (
        <Panel title="Add library" description="Point Marquee at one or more folders on this server. They are scanned straight away and watched for changes.">
          <AddLibraryForm />
        </Panel>
      )}
    </div>
  );
}
