// /season/[id] — opens the season's show with that season selected.
import { redirect } from 'next/navigation';
import { orNotFound } from '@/components/library/or-not-found';
import { requirePageUser } from '@/lib/http/page-user';
import { getSeason } from '@/lib/library/browse';

export default async function SeasonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageUser(`/season/${id}`);
  const season = await orNotFound(getSeason(id));
  redirect(`/show/${encodeURIComponent(season.show_id)}?season=${encodeURIComponent(season.id)}`);
}
