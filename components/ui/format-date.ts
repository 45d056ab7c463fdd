// Dates as UTC "YYYY-MM-DD": the same text on the server and in the browser, so hydration matches.
export function formatDate(iso: string | null, empty = 'Never'): string {
  return iso ? iso.slice(0, 10) : empty;
}
