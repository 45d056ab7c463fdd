'use client';
// Identify → search the provider: find any other record of the item's kind by title (or type its
// id) and pick it. Searches run on submit, not on every key, to spare the provider.
import { useState, type FormEvent } from 'react';
import { catalogError } from '@/components/catalog/catalog-error';
import { useCatalogSearch } from '@/components/queries/use-catalog';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { isCurrentRecord, providerName, recordKey, UseThisButton, type PickProps } from './identify-match-client';

const rowClass = 'flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3';

export function IdentifySearch({ match, pendingKey, onPick }: PickProps) {
  const type = match.kind === 'show' ? 'show' : 'movie';
  // The provider the item was matched with; searches say which one answered.
  const provider = match.provider ?? 'tmdb';
  const name = providerName(provider);
  const [query, setQuery] = useState(match.parsed?.title ?? match.title);
  const [submitted, setSubmitted] = useState('');
  const search = useCatalogSearch(submitted, type);
  const asId = /^\d{1,12}$/.test(submitted) ? { provider, id: submitted } : null;
  const results = search.data ?? [];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(query.trim());
  };
  const pickButton = (record: { provider: string; id: string }, label: string) => (
    <UseThisButton label={label} pending={pendingKey === recordKey(record)} disabled={pendingKey !== null} onClick={() => onPick(record, label)} />
  );

  return (
    <section aria-labelledby="identify-search-heading" className="space-y-3">
      <h3 id="identify-search-heading" className="text-sm font-semibold uppercase tracking-wide text-zinc-400">
        Search {name}
      </h3>
      <form role="search" aria-label={`Search ${name}`} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
        <TextField
          label={`${type === 'show' ? 'Show' : 'Movie'} title or ${name} id`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          maxLength={200}
          autoComplete="off"
          required
          className="min-w-0 flex-1"
        />
        <Button type="submit" variant="secondary" pending={search.isFetching}>
          Search
        </Button>
      </form>
      {search.error && <Alert tone="error">{catalogError(search.error)}</Alert>}
      {submitted && (asId || search.data) && (asId || results.length > 0) && (
        <ul aria-label="Search results" className="divide-y divide-white/5 rounded-xl border border-white/10 bg-zinc-900/60 text-sm">
          {asId && (
            <li className={rowClass}>
              <span className="text-zinc-100">
                {name} id <span className="font-mono">{asId.id}</span>
              </span>
              {pickButton(asId, `${name} id ${asId.id}`)}
            </li>
          )}
          {results.map((r) => {
            const record = { provider: r.provider, id: r.provider_id };
            const label = `${r.title}${r.year !== null ? ` (${r.year})` : ''}`;
            return (
              <li key={recordKey(record)} className={rowClass}>
                <div className="min-w-0">
                  <p className="font-medium text-zinc-100">
                    {r.title} {r.year !== null && <span className="font-normal text-zinc-400">({r.year})</span>}
                  </p>
                  <p className="text-xs text-zinc-500">
                    {providerName(r.provider)} <span className="font-mono">{r.provider_id}</span>
                    {isCurrentRecord(match, record) && <span className="ml-2 text-accent-300">Current match</span>}
                    {r.media_id && r.media_id !== match.id && <span className="ml-2 text-amber-300">Another library item has this record</span>}
                  </p>
                </div>
                {pickButton(record, label)}
              </li>
            );
          })}
        </ul>
      )}
      {submitted && search.data && results.length === 0 && !asId && (
        <p role="status" className="text-sm text-zinc-400">
          No {type === 'show' ? 'shows' : 'movies'} on {name} match “{submitted}”.
        </p>
      )}
    </section>
  );
}
