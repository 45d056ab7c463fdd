// Five-field cron expressions (minute hour day-of-month month day-of-week, server local time), as
// crontab(5) reads them: `*`, lists `1,15`, ranges `1-5`, steps `*/10` and `8-18/2`, day names
// `sun`…`sat` and month names `jan`…`dec`, Sunday as 0 or 7, and `@hourly` `@daily` `@weekly`
// `@monthly` `@yearly`. When both day fields are restricted, a day matching either one runs.
export class CronError extends Error {}

export interface Cron {
  source: string;
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  dayRestricted: boolean;
  weekdayRestricted: boolean;
}

const ALIASES: Record<string, string> = {
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
};
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function parseField(text: string, label: string, min: number, max: number, names: string[] = [], nameBase = 0): Set<number> {
  const value = (s: string): number => {
    const named = names.indexOf(s.toLowerCase());
    const n = named >= 0 ? named + nameBase : /^\d+$/.test(s) ? Number(s) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) throw new CronError(`${label}: "${s}" is not a number from ${min} to ${max}`);
    return n;
  };
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`${label}: step "${stepText}" must be a whole number from 1`);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [min, max];
    else if (range.includes('-')) {
      const [a, b] = range.split('-');
      [from, to] = [value(a), value(b)];
      if (from > to) throw new CronError(`${label}: range "${range}" runs backwards`);
    } else {
      from = value(range);
      to = stepText === undefined ? from : max;
    }
    for (let n = from; n <= to; n += step) out.add(n);
  }
  return out;
}

export function parseCron(source: string): Cron {
  const text = ALIASES[source.trim().toLowerCase()] ?? source.trim();
  const fields = text.split(/\s+/);
  if (fields.length !== 5) throw new CronError(`"${source}" needs five fields (minute hour day-of-month month day-of-week), e.g. "0 6 * * 0"`);
  const [m, h, dom, mon, dow] = fields;
  const weekdays = parseField(dow, 'day of week', 0, 7, DAY_NAMES);
  if (weekdays.delete(7)) weekdays.add(0);
  return {
    source,
    minutes: parseField(m, 'minute', 0, 59),
    hours: parseField(h, 'hour', 0, 23),
    days: parseField(dom, 'day of month', 1, 31),
    months: parseField(mon, 'month', 1, 12, MONTH_NAMES, 1),
    weekdays,
    dayRestricted: dom !== '*',
    weekdayRestricted: dow !== '*',
  };
}

function dayMatches(cron: Cron, d: Date): boolean {
  if (!cron.months.has(d.getMonth() + 1)) return false;
  const dom = cron.days.has(d.getDate());
  const dow = cron.weekdays.has(d.getDay());
  if (cron.dayRestricted && cron.weekdayRestricted) return dom || dow;
  return dom && dow;
}

/** The first time strictly after `after` that the expression names (within five years), or null. */
export function nextRun(cron: Cron, after: Date): Date | null {
  const t = new Date(after.getTime());
  t.setSeconds(0, 0);
  t.setMinutes(t.getMinutes() + 1);
  const limit = after.getTime() + 5 * 366 * 24 * 3600_000;
  while (t.getTime() <= limit) {
    if (!dayMatches(cron, t)) {
      t.setHours(0, 0, 0, 0);
      t.setDate(t.getDate() + 1);
    } else if (!cron.hours.has(t.getHours())) {
      t.setMinutes(0, 0, 0);
      t.setHours(t.getHours() + 1);
    } else if (!cron.minutes.has(t.getMinutes())) {
      t.setMinutes(t.getMinutes() + 1, 0, 0);
    } else {
      return t;
    }
  }
  return null;
}
