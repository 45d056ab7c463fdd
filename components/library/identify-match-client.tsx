'use client';
// Identify → the item's current match (status, provider, method, reason, what was parsed from the
// files, its ids) and the provider's candidates with their scores, each with "Use this".
import type { ReactNode } from 'react';
import type { MatchCandidate, MatchView, ProviderRecord } from '@/components/queries/use-match';
import { Button } from '@/components/ui/button';
import { formatDate } from '@/components/ui/format-date';

const STATUS: Record<MatchView['status'], { label: string; tone: string }> = {
  none: { label: 'Not checked yet', tone: 'bg-white/5 text-zinc-400 ring-white/10' },
  matched: { label: 'Matched', tone: 'bg-emerald-500/10 text-emerald-300 ring-emerald-500/30' },
  unmatched: { label: 'Unmatched', tone: 'bg-amber-500/10 text-amber-300 ring-amber-500/30' },
  manual: { label: 'Identified by an admin', tone: 'bg-accent-400/10 text-accent-300 ring-accent-400/30' },
};

const METHODS: Record<string, string> = {
  manual: 'Chosen by an admin',
  id: 'Known id (from an NFO or an earlier match)',
  external_id: 'Looked up by IMDb or TheTVDB id',
  search: 'Title and year search',
};

const PROVIDERS: Record<string, string> = { tmdb: 'TMDB', tvdb: 'TheTVDB' };

export const providerName = (p: string | null) => (p ? (PROVIDERS[p] ?? p) : 'None');

/** Which record "Use this" buttons act on: one key per provider and id. */
export const recordKey = (r: ProviderRecord) => `${r.provider}:${r.id}`;

/** Whether a record is the one the item has now. */
export const isCurrentRecord = (match: MatchView, r: ProviderRecord) => (match.ids as Record<string, string | null>)[r.provider] === r.id;

/** What the candidate and search lists need from the dialog. */
export interface PickProps {
  match: MatchView;
  /** The record being saved, while it is (see recordKey). */
  pendingKey: string | null;
  onPick: (record: ProviderRecord, label: string) => void;
}
const score = (n: number) => n.toFixed(2);

/** "Use this", named for screen readers after the record it picks ("Use this: Heat (1995)"). */
export function UseThisButton({ label, pending, disabled, onClick }: { label: string; pending: boolean; disabled: boolean; onClick: () => void }) {
  return (
    <Button variant="secondary" size="sm" pending={pending} disabled={disabled} onClick={onClick} aria-label={`Use this: ${label}`}>
      Use this
    </Button>
  );
}

export function MatchStatusBadge({ status }: { status: MatchView['status'] }) {
  const s = STATUS[status];
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${s.tone}`}>{s.label}</span>;
}

export function MatchSummary({ match }: { match: MatchView }) {
  const ids = [
    { label: 'TMDB', value: match.ids.tmdb },
    { label: 'TVDB', value: match.ids.tvdb },
    { label: 'IMDb', value: match.ids.imdb },
  ].filter((i) => i.value);
  const rows: { label: string; value: ReactNode }[] = [
    { label: 'Status', value: <MatchStatusBadge status={match.status} /> },
    { label: 'Provider', value: providerName(match.provider) },
    { label: 'Method', value: match.method ? (METHODS[match.method] ?? match.method) : '—' },
    { label: 'Reason', value: match.reason ?? '—' },
    { label: 'From the files', value: match.parsed ? `${match.parsed.title}${match.parsed.year ? ` (${match.parsed.year})` : ''}` : '—' },
    {
      label: 'Ids',
      value:
        ids.length === 0 ? (
          'None'
        ) : (
          <span className="flex flex-wrap gap-x-3 gap-y-1">
            {ids.map((i) => (
              <span key={i.label}>
                {i.label} <span className="font-mono text-zinc-100">{i.value}</span>
              </span>
            ))}
          </span>
        ),
    },
    { label: 'Checked', value: match.checked_at ? <time dateTime={match.checked_at}>{formatDate(match.checked_at)}</time> : 'Never' },
  ];
  return (
    <section aria-labelledby="identify-current-heading" className="space-y-3">
      <h3 id="identify-current-heading" className="text-sm font-semibold uppercase tracking-wide text-zinc-400">
        Current match
      </h3>
      <dl data-testid="current-match" className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-4 gap-y-2 rounded-xl border border-white/10 bg-zinc-900/60 px-4 py-3 text-sm">
        {rows.map((r) => (
          <div key={r.label} className="contents">
            <dt className="font-medium text-zinc-500">{r.label}</dt>
            <dd className="break-words text-zinc-200">{r.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function MatchCandidates({ candidates, match, pendingKey, onPick }: PickProps & { candidates: MatchCandidate[] }) {
  return (
    <section aria-labelledby="identify-candidates-heading" className="space-y-3">
      <h3 id="identify-candidates-heading" className="text-sm font-semibold uppercase tracking-wide text-zinc-400">
        Candidates
      </h3>
      {candidates.length === 0 ? (
        <p className="text-sm text-zinc-400">No candidates from the last search. Search below.</p>
      ) : (
        <ol aria-label="Candidates" className="divide-y divide-white/5 rounded-xl border border-white/10 bg-zinc-900/60 text-sm">
          {candidates.map((c) => {
            const label = `${c.title}${c.year !== null ? ` (${c.year})` : ''}`;
            const record = { provider: c.provider, id: c.id };
            return (
              <li key={`${c.provider}-${c.id}`} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
                <div className="min-w-0 space-y-1">
                  <p className="font-medium text-zinc-100">
                    {c.title} {c.year !== null && <span className="font-normal text-zinc-400">({c.year})</span>}
                    {isCurrentRecord(match, record) && <span className="ml-2 text-xs font-normal text-accent-300">Current match</span>}
                  </p>
                  <p className="text-xs text-zinc-500">
                    {providerName(c.provider)} <span className="font-mono">{c.id}</span>
                    <span className="mx-1.5 text-zinc-600">·</span>
                    Score <span className="font-semibold tabular-nums text-zinc-200">{score(c.score)}</span>
                    <span className="ml-1.5 tabular-nums">
                      (title {score(c.title_score)}, year {score(c.year_score)})
                    </span>
                  </p>
                  <div aria-hidden className="h-1 w-32 overflow-hidden rounded-full bg-white/10">
                    <div className="h-full rounded-full bg-accent-400" style={{ width: `${Math.round(Math.max(0, Math.min(1, c.score)) * 100)}%` }} />
                  </div>
                </div>
                <UseThisButton label={label} pending={pendingKey === recordKey(record)} disabled={pendingKey !== null} onClick={() => onPick(record, label)} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
