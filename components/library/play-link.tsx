// "Play": opens the player for a movie, video or episode.
import Link from 'next/link';

export function PlayLink({ id, small, label = 'Play' }: { id: string; small?: boolean; label?: string }) {
  return (
    <Link
      href={`/watch/${encodeURIComponent(id)}`}
      aria-label={label}
      className={`inline-flex items-center gap-1.5 rounded-lg bg-accent-500 font-medium text-white hover:bg-accent-400 focus-visible:outline-2 focus-visible:outline-accent-300 ${small ? 'px-2 py-0.5 text-xs' : 'px-4 py-2 text-sm'}`}
    >
      <span aria-hidden>▶</span> Play
    </Link>
  );
}
