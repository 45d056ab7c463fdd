// /libraries/[id] — one library: live scan state, its items; admins also scan and see scan problems.
import type { Metadata } from 'next';
import { AppShell } from '@/components/layout/app-shell';
import { Library } from '@/components/library/library-client';
import { libraryTypeLabel } from '@/components/library/library-labels';
import { mediaListQuery } from '@/components/library/media-sort';
import { orNotFound } from '@/components/library/or-not-found';
import { requirePageUser } from '@/lib/http/page-user';
import { listLibraryMediaCached } from '@/lib/library/cached-listings';
import { getLibrary } from '@/lib/library/libraries';
import { getScanProgress, listScanIssues } from '@/lib/library/scan-progress';
import { mayUpload } from '@/lib/upload/may-upload';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const library = await getLibrary((await params).id).catch(() => null);
  return { title: library?.name ?? 'Library' };
}

export default async function LibraryPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/libraries/${id}`);
  const isAdmin = user.role === 'admin';
  const library = await orNotFound(getLibrary(id));
  const [progress, media, issues, canUpload] = await Promise.all([
    getScanProgress(id),
    listLibraryMediaCached(id, mediaListQuery('title')),
    isAdmin ? listScanIssues(id) : undefined,
    mayUpload(user),
  ]);
  return (
    <AppShell
      user={user}
      current="libraries"
      title={library.name}
      description={
        <>
          {libraryTypeLabel(library.type)}
          {isAdmin &&
            library.paths.map((p) => (
              <span key={p} className="ml-2 break-all font-mono text-xs text-zinc-500">
                {p}
              </span>
            ))}
        </>
      }
    >
      <Library library={library} initialProgress={progress} initialMedia={media} initialIssues={issues} isAdmin={isAdmin} canUpload={canUpload} />
    </AppShell>
  );
}
