// An item's cast and crew from its online record: people upserted by provider id (with a profile
// picture each, stored like all our images), the item's credits replaced. Top-billed cast and the
// key crew (directing, writing, creators) only: enough for an item page, cheap to keep current.
import { db } from '@/lib/db';
import type { RemoteArt } from '../item-artwork';
import type { ArtworkStore } from '../store-artwork';
import type { OnlineDetails, OnlinePerson } from './provider';

const MAX_CAST = 20;
const KEY_JOBS = new Set(['Director', 'Screenplay', 'Writer', 'Creator', 'Novel', 'Story', 'Producer', 'Executive Producer']);
const MAX_CREW = 10;

export async function saveCredits(itemId: string, details: OnlineDetails, store: ArtworkStore, remote: (path: string | null) => RemoteArt | null): Promise<void> {
  const cast = details.cast.slice().sort((a, b) => a.order - b.order).slice(0, MAX_CAST);
  const crew = details.crew.filter((c) => c.job && KEY_JOBS.has(c.job)).slice(0, MAX_CREW);
  const people = new Map<string, OnlinePerson>();
  for (const p of [...cast, ...crew]) if (!people.has(p.providerId)) people.set(p.providerId, p);

  const ids = new Map<string, string>();
  for (const p of people.values()) {
    const providerKey = `${details.provider}:${p.providerId}`;
    const existing = await db.person.findUnique({ where: { providerKey }, select: { id: true, name: true, profilePath: true } });
    const art = remote(p.profile);
    const profilePath = art ? await store.ensure([art], 'poster', existing?.profilePath ?? null) : (existing?.profilePath ?? null);
    if (!existing) {
      ids.set(p.providerId, (await db.person.create({ data: { providerKey, name: p.name, profilePath }, select: { id: true } })).id);
      continue;
    }
    if (existing.name !== p.name || existing.profilePath !== profilePath) await db.person.update({ where: { id: existing.id }, data: { name: p.name, profilePath } });
    ids.set(p.providerId, existing.id);
  }

  const rows = [
    ...cast.map((p, i) => ({ itemId, personId: ids.get(p.providerId)!, kind: 'cast', character: p.character ?? null, job: null, department: null, order: i })),
    ...crew.map((p, i) => ({ itemId, personId: ids.get(p.providerId)!, kind: 'crew', character: null, job: p.job ?? null, department: p.department ?? null, order: i })),
  ];
  const key = (r: { personId: string; kind: string; character: string | null; job: string | null; department: string | null; order: number }) =>
    JSON.stringify([r.kind, r.order, r.personId, r.character, r.job, r.department]);
  const current = await db.credit.findMany({ where: { itemId }, select: { personId: true, kind: true, character: true, job: true, department: true, order: true } });
  // Unchanged credits stay as they are (a refresh with nothing new writes nothing).
  if (current.map(key).sort().join('\n') === rows.map(key).sort().join('\n')) return;
  await db.$transaction([db.credit.deleteMany({ where: { itemId } }), db.credit.createMany({ data: rows })]);
}
