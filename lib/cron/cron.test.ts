import { describe, expect, it } from 'vitest';
import { CronError, nextRun, parseCron } from './cron';

const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);
const next = (expr: string, from: Date) => nextRun(parseCron(expr), from);

describe('cron expressions', () => {
  it('runs the default (Sunday 06:00) on the next Sunday, and a week later once passed', () => {
    // 2026-12-04 is a Friday.
    expect(next('0 6 * * 0', at(2026, 12, 4, 23, 30))).toEqual(at(2026, 12, 6, 6, 0));
    expect(next('0 6 * * 0', at(2026, 12, 6, 6, 0))).toEqual(at(2026, 12, 13, 6, 0));
    expect(next('0 6 * * 7', at(2026, 12, 6, 5, 59))).toEqual(at(2026, 12, 6, 6, 0));
    expect(next('0 6 * * sun', at(2026, 12, 6, 5, 59))).toEqual(at(2026, 12, 6, 6, 0));
  });

  it('reads steps, ranges, lists and names', () => {
    expect(next('*/15 * * * *', at(2026, 1, 1, 10, 7))).toEqual(at(2026, 1, 1, 10, 15));
    expect(next('30 8-18/2 * * mon-fri', at(2026, 12, 4, 18, 31))).toEqual(at(2026, 12, 7, 8, 30));
    expect(next('0 0 1,15 * *', at(2026, 2, 2))).toEqual(at(2026, 2, 15));
    expect(next('0 12 * feb *', at(2026, 3, 1))).toEqual(at(2027, 2, 1, 12));
  });

  it('runs on either day field when both are restricted, as crontab does', () => {
    // The 13th, or any Friday: from Saturday 2026-12-05 the next is the 11th (a Friday).
    expect(next('0 0 13 * 5', at(2026, 12, 5))).toEqual(at(2026, 12, 11));
    expect(next('0 0 13 * 5', at(2026, 12, 11, 1))).toEqual(at(2026, 12, 13));
  });

  it('skips months without the day, and says never when there is none', () => {
    expect(next('0 0 31 * *', at(2026, 4, 1))).toEqual(at(2026, 5, 31));
    expect(next('0 0 30 2 *', at(2026, 1, 1))).toBeNull();
  });

  it('knows the @ aliases', () => {
    expect(next('@weekly', at(2026, 12, 4, 12))).toEqual(at(2026, 12, 6));
    expect(next('@daily', at(2026, 12, 4, 12))).toEqual(at(2026, 12, 5));
  });

  it('says what is wrong with a bad expression', () => {
    expect(() => parseCron('0 6 * *')).toThrow(/five fields/);
    expect(() => parseCron('60 * * * *')).toThrow(CronError);
    expect(() => parseCron('0 25 * * *')).toThrow(/hour: "25" is not a number from 0 to 23/);
    expect(() => parseCron('0 0 * * funday')).toThrow(/day of week/);
    expect(() => parseCron('*/0 * * * *')).toThrow(/step/);
    expect(() => parseCron('0 10-2 * * *')).toThrow(/backwards/);
  });
});
