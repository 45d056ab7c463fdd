// Marks an item, season, episode or file whose files are gone from disk (kept until they return or are removed).
export function MissingBadge({ className = '' }: { className?: string }) {
  return (
    <span
      title="The files are no longer on disk"
      className={`inline-flex items-center rounded-full bg-red-500/15 px-2 py-0.5 text-xs font-semibold text-red-300 ring-1 ring-inset ring-red-500/40 ${className}`}
    >
      Missing
    </span>
  );
}
