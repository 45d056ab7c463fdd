// The sample libraries offered on first run: the generated sample media (data/sample-media) as two
// ready libraries, "Sample Movies" on its Movies folder and "Sample TV" on its TV folder. Offered,
// not created behind the admin's back (as Jellyfin's and Plex's setup ask before adding anything):
// a real install never carries test cards it did not ask for.
import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { createLibrary } from './edit-library';
import { isWithin } from './library-path';

export const SAMPLE_LIBRARIES = [
  { name: 'Sample Movies', type: 'movies', folder: 'Movies' },
  { name: 'Sample TV', type: 'tv', folder: 'TV' },
] as const;

export const sampleOfferSchema = z.object({
  status: z
    .enum(['available', 'generating', 'added', 'off'])
    .describe('available: can be added now; generating: the worker is still making the sample media; added: a library already uses it; off: SAMPLE_LIBRARY is not true'),
  libraries: z.array(z.object({ name: z.string(), type: z.enum(['movies', 'tv']) })),
});
export const addedSamplesSchema = z.object({ libraries: z.array(z.object({ id: z.string(), name: z.string() })) });

const isDir = (path: string) => stat(path).then((s) => s.isDirectory(), () => false);

export async function getSampleOffer(): Promise<z.infer<typeof sampleOfferSchema>> {
  const c = config();
  const libraries = SAMPLE_LIBRARIES.map(({ name, type }) => ({ name, type }));
  if (!c.sampleLibrary) return { status: 'off', libraries };
  // The worker renames the finished sample into place: the folders exist only once complete.
  const ready = (await Promise.all(SAMPLE_LIBRARIES.map((s) => isDir(join(c.paths.sampleMedia, s.folder))))).every(Boolean);
  if (!ready) return { status: 'generating', libraries };
  const sample = await realpath(c.paths.sampleMedia); // folders are stored as real paths
  const folders = await db.libraryFolder.findMany({ select: { path: true } });
  if (folders.some((f) => isWithin(f.path, sample) || isWithin(sample, f.path))) return { status: 'added', libraries };
  return { status: 'available', libraries };
}

/** Adds both sample libraries and queues their scans. */
export async function addSampleLibraries(): Promise<z.infer<typeof addedSamplesSchema>> {
  const offer = await getSampleOffer();
  if (offer.status === 'off') throw new ApiError('conflict', 'The sample library is turned off on this server (SAMPLE_LIBRARY).');
  if (offer.status === 'generating') throw new ApiError('conflict', 'The sample media is still being generated: try again in a few seconds.');
  if (offer.status === 'added') throw new ApiError('conflict', 'The sample libraries are already added.');
  const c = config();
  const out: { id: string; name: string }[] = [];
  for (const s of SAMPLE_LIBRARIES) {
    const { id } = await createLibrary({ name: s.name, type: s.type, paths: [join(c.paths.sampleMedia, s.folder)] });
    out.push({ id, name: s.name });
  }
  return { libraries: out };
}
