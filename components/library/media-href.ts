// Where an item's page lives: shows on /show/<id>, movies and videos on /media/<id>.
export function mediaHref(item: { id: string; kind: 'movie' | 'show' | 'video' }): string {
  return item.kind === 'show' ? `/show/${encodeURIComponent(item.id)}` : `/media/${encodeURIComponent(item.id)}`;
}
