// Items as a responsive poster grid.
import type { MediaItem } from '@/components/queries/use-library-media';
import { MediaCard } from './media-card';

export function MediaGrid({ items, label }: { items: MediaItem[]; label: string }) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
      {items.map((item) => (
        <MediaCard key={item.id} item={item} />
      ))}
    </ul>
  );
}
