// The mark on a title that is in the user's Trakt history but in no library (catalog-only).
export function CatalogBadge() {
  return (
    <span data-testid="catalog-only" className="rounded-full border border-amber-400/30 bg-amber-400/10 px-2 py-0.5 text-xs text-amber-200">
      On Trakt, not in your library
    </span>
  );
}
