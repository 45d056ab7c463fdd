// "Cast" (photo or initials, name, character) and "Crew" (name, jobs) of a movie or show,
// server-rendered from its saved credits; nothing at all when there are none.
import type { z } from 'zod';
import type { creditsSchema } from '@/lib/metadata/online/online-admin';
import { imageSrc, imageSrcSet } from './image-src';
import { PersonPhoto } from './person-photo-client';

type Credits = z.infer<typeof creditsSchema>;

/** One entry per person, their jobs joined ("Director, Writer"), in credit order. */
function crewByPerson(crew: Credits['crew']): { person_id: string; name: string; jobs: string[] }[] {
  const people = new Map<string, { person_id: string; name: string; jobs: string[] }>();
  for (const c of crew) {
    const entry = people.get(c.person_id) ?? { person_id: c.person_id, name: c.name, jobs: [] };
    if (c.job && !entry.jobs.includes(c.job)) entry.jobs.push(c.job);
    people.set(c.person_id, entry);
  }
  return [...people.values()];
}

export function MediaCredits({ credits }: { credits: Credits }) {
  const crew = crewByPerson(credits.crew);
  if (credits.cast.length === 0 && crew.length === 0) return null;
  return (
    <div className="space-y-8">
      {credits.cast.length > 0 && (
        <section aria-labelledby="cast-heading" className="space-y-4">
          <h2 id="cast-heading" className="text-lg font-semibold text-zinc-50">
            Cast
          </h2>
          <ul aria-label="Cast" className="-mx-1 flex snap-x gap-4 overflow-x-auto px-1 pb-2">
            {credits.cast.map((c, i) => (
              <li key={`${c.person_id}-${i}`} className="w-24 shrink-0 snap-start space-y-2 text-center sm:w-28">
                <PersonPhoto name={c.name} src={imageSrc(c.profile_url, 200)} srcSet={imageSrcSet(c.profile_url, [200, 400])} className="mx-auto w-20 sm:w-24" />
                <div className="space-y-0.5">
                  <p className="line-clamp-2 text-sm font-medium text-zinc-100">{c.name}</p>
                  {c.character && <p className="line-clamp-2 text-xs text-zinc-400">{c.character}</p>}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {crew.length > 0 && (
        <section aria-labelledby="crew-heading" className="space-y-4">
          <h2 id="crew-heading" className="text-lg font-semibold text-zinc-50">
            Crew
          </h2>
          <ul aria-label="Crew" className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-4">
            {crew.map((c) => (
              <li key={c.person_id} className="min-w-0">
                <p className="truncate text-sm font-medium text-zinc-100">{c.name}</p>
                {c.jobs.length > 0 && <p className="truncate text-xs text-zinc-400">{c.jobs.join(', ')}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
