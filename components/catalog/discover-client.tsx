'use client';
// /discover: a search of the online catalog (title + Shows/Movies) and its results. Shows can be
// followed from here (a new one is added to the TV library without files); results that are
// already in a library link to their page. The search sits in the address (?q=&type=).
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { mediaHref } from '@/components/library/media-href';
import { useCatalogSearch, useFollowFromCatalog, type CatalogResult, type CatalogType } from '@/components/queries/use-catalog';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { catalogError } from './catalog-error';

const TYPES: { value: CatalogType; label: string }[] = [
  { value: 'show', label: 'Shows' },
  { value: 'movie', label: 'Movies' },
];

const linkClass = 'rounded-lg bg-white/5 px-2.5 py-1.5 text-xs font-semibold text-zinc-100 ring-1 ring-inset ring-white/10 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-accent-400';

export function Discover({ initialQuery, initialType }: { initialQuery: string; initialType: CatalogType }) {
  const [query, setQuery] = useState(initialQuery);
  const [type, setType] = useState(initialType);
  const [submitted, setSubmitted] = useState(initialQuery);
  const search = useCatalogSearch(submitted, type);
  const results = search.data ?? [];

  const run = (q: string, t: CatalogType) => {
    setSubmitted(q);
    setType(t);
    window.history.replaceState(null, '', q ? `?${new URLSearchParams({ q, type: t })}` : window.location.pathname);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run(query.trim(), type);
  };
  const nouns = type === 'show' ? 'shows' : 'movies';

  return (
    <div className="space-y-6">
      <form role="search" aria-label="Search the catalog" onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <TextField
          label="Title"
          name="q"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={type === 'show' ? 'A show’s title' : 'A movie’s title'}
          maxLength={200}
          autoComplete="off"
          required
          className="w-full min-w-0 sm:max-w-md sm:flex-1"
        />
        <fieldset>
          <legend className="mb-1.5 block text-sm font-medium text-zinc-200">Type</legend>
          <div className="flex rounded-lg bg-zinc-900/80 p-1 ring-1 ring-inset ring-white/10">
            {TYPES.map((t) => (
              <label
                key={t.value}
                className="cursor-pointer rounded-md px-3 py-1 text-sm font-medium text-zinc-400 hover:text-zinc-100 has-[:checked]:bg-white/10 has-[:checked]:text-zinc-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-400"
              >
                <input
                  type="radio"
                  name="type"
                  value={t.value}
                  checked={type === t.value}
                  // A new type searches again for the same title.
                  onChange={() => (submitted ? run(submitted, t.value) : setType(t.value))}
                  className="sr-only"
                />
                {t.label}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" pending={search.isFetching}>
          Search
        </Button>
      </form>

      {search.error ? (
        <Alert tone="error">{catalogError(search.error)}</Alert>
      ) : (
        submitted && (
          <p role="status" className="text-sm text-zinc-400">
            {search.isPending ? 'Searching…' : `${results.length} ${results.length === 1 ? nouns.slice(0, -1) : nouns} found for “${submitted}”`}
          </p>
        )
      )}

      {results.length > 0 && (
        <ul aria-label="Results" className="divide-y divide-white/5 rounded-2xl border border-white/10 bg-zinc-900/60">
          {results.map((r) => (
            <ResultRow key={`${r.type}-${r.provider_id}`} result={r} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ResultRow({ result }: { result: CatalogResult }) {
  const follow = useFollowFromCatalog();
  const href = result.media_id ? mediaHref({ id: result.media_id, kind: result.type }) : null;
  const openHref = follow.data ? `/show/${encodeURIComponent(follow.data.id)}` : href;
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 text-sm">
      <div className="min-w-0">
        <p className="font-medium text-zinc-100">
          {href ? (
            <Link href={href} className="rounded hover:underline focus-visible:outline-2 focus-visible:outline-accent-400">
              {result.title}
            </Link>
          ) : (
            result.title
          )}{' '}
          {result.year !== null && <span className="font-normal text-zinc-400">({result.year})</span>}
        </p>
        <p className="text-xs text-zinc-500">{result.media_id ? 'In your libraries' : 'Not in a library'}</p>
        {follow.error && (
          <Alert tone="error" className="mt-2">
            {catalogError(follow.error)}
          </Alert>
        )}
      </div>
      <div className="flex items-center gap-2">
        {result.type === 'show' &&
          (follow.data ? (
            <span role="status" className="text-xs font-medium text-emerald-300">
              Following
            </span>
          ) : (
            <Button variant="secondary" size="sm" pending={follow.isPending} onClick={() => follow.mutate(result)}>
              Follow<span className="sr-only"> {result.title}</span>
            </Button>
          ))}
        {openHref && (
          <Link href={openHref} className={linkClass}>
            Open<span className="sr-only"> {result.title}</span>
          </Link>
        )}
      </div>
    </li>
  );
}
