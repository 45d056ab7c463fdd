'use client';
// Admin → TVDB API keys → Usage: requests through the proxy, in all and per day over the last days
// (a bar per day, plain divs), and per key. Counts reach the database every few seconds.
import { useProxyUsage, type ProxyUsage } from '@/components/queries/use-proxy-keys';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatDate } from '@/components/ui/format-date';

const DAY_MS = 86_400_000;

/** The `count` days (YYYY-MM-DD, UTC) ending with `last`, oldest first. */
function daysEnding(last: string, count: number): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(end - (count - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-xl border border-white/10 bg-white/[0.03] px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-400">{label}</dt>
      <dd data-testid={testId} className="mt-1 text-2xl font-semibold tabular-nums text-zinc-50">
        {value.toLocaleString('en-US')}
      </dd>
    </div>
  );
}

function DailyChart({ days, byDay }: { days: string[]; byDay: Map<string, number> }) {
  const busiest = Math.max(0, ...days.map((d) => byDay.get(d) ?? 0));
  const max = Math.max(1, busiest);
  return (
    <figure>
      <figcaption className="mb-2 flex items-baseline justify-between text-sm font-medium text-zinc-200">
        Requests per day
        <span className="text-xs font-normal text-zinc-500">busiest day: {plural(busiest, 'request')}</span>
      </figcaption>
      <ol aria-label={`Requests per day, ${days[0]} to ${days.at(-1)}`} className="flex h-40 items-end gap-0.5 border-b border-white/10 sm:gap-1">
        {days.map((day) => {
          const n = byDay.get(day) ?? 0;
          return (
            <li key={day} title={`${day}: ${plural(n, 'request')}`} className="relative flex h-full flex-1 items-end rounded-t bg-white/[0.03]">
              <span aria-hidden className="block w-full rounded-t bg-accent-400/80" style={{ height: `${(n / max) * 100}%` }} />
              <span className="sr-only">
                {day}: {plural(n, 'request')}
              </span>
            </li>
          );
        })}
      </ol>
      <div aria-hidden className="mt-1.5 flex justify-between text-xs text-zinc-500">
        <span>{days[0]}</span>
        <span>{days.at(-1)}</span>
      </div>
    </figure>
  );
}

/** `today` comes from the server (UTC), so the server's and the browser's charts match. */
export function ProxyUsageView({ initialUsage, today }: { initialUsage: ProxyUsage; today: string }) {
  const { data: usage = initialUsage, refetch, isFetching, error } = useProxyUsage(initialUsage);
  const lastDay = usage.per_day.reduce((last, d) => (d.day > last ? d.day : last), today);
  const days = daysEnding(lastDay, usage.days);
  const byDay = new Map(usage.per_day.map((d) => [d.day, d.requests]));
  const inPeriod = usage.per_day.reduce((n, d) => n + d.requests, 0);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <dl className="grid flex-1 gap-3 sm:grid-cols-3">
          <Stat label="Requests in all" value={usage.total_requests} testId="usage-total" />
          <Stat label={`Last ${usage.days} days`} value={inPeriod} testId="usage-period" />
          <Stat label="Keys" value={usage.per_key.length} testId="usage-keys" />
        </dl>
        <Button variant="secondary" size="sm" pending={isFetching} onClick={() => void refetch()}>
          Refresh usage
        </Button>
      </div>
      {error && <Alert tone="error">Usage could not be loaded: {error.message}</Alert>}
      <DailyChart days={days} byDay={byDay} />
      {usage.per_key.length > 0 && (
        <div className="relative overflow-x-auto rounded-xl border border-white/10">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <caption className="sr-only">Requests per key</caption>
            <thead className="bg-white/5 text-xs uppercase tracking-wide text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">Key</th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">Last {usage.days} days</th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">In all</th>
                <th scope="col" className="px-4 py-2.5 font-medium">Last used</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-white/5">
              {usage.per_key.map((k) => (
                <tr key={k.id} data-testid={`usage-row-${k.id}`} className="hover:bg-white/[0.02]">
                  <th scope="row" className="px-4 py-3 font-medium text-zinc-100">{k.name}</th>
                  <td className="px-4 py-3 text-right tabular-nums text-zinc-300">{k.requests_in_period.toLocaleString('en-US')}</td>
                  <td className="px-4 py-3 text-right tabular-nums text-zinc-300">{k.total_requests.toLocaleString('en-US')}</td>
                  <td className="px-4 py-3 text-zinc-400">{k.last_used_at ? <time dateTime={k.last_used_at}>{formatDate(k.last_used_at)}</time> : 'Never'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
