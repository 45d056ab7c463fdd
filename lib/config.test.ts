import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const base = { AUTH_SECRET: 'x'.repeat(32), DATA_DIR: '/tmp/marquee-config-test' };

describe('EXPORT_CRON and EXPORT_KEEP', () => {
  it('default to Sunday 06:00 and eight files, in DATA_DIR/exports', () => {
    expect(parseConfig(base).backup).toEqual({ dir: '/tmp/marquee-config-test/exports', cron: '0 6 * * 0', keep: 8 });
  });

  it('turn scheduled exports off with "off"', () => {
    expect(parseConfig({ ...base, EXPORT_CRON: 'off', EXPORT_KEEP: '2' }).backup).toMatchObject({ cron: null, keep: 2 });
  });

  it('refuse a bad expression at start, saying what is wrong', () => {
    expect(() => parseConfig({ ...base, EXPORT_CRON: '0 30 * * 0' })).toThrow(ConfigError);
    expect(() => parseConfig({ ...base, EXPORT_CRON: '0 30 * * 0' })).toThrow(/EXPORT_CRON \(hour: "30" is not a number from 0 to 23 \(or "off"\)\)/);
    expect(() => parseConfig({ ...base, EXPORT_KEEP: '0' })).toThrow(/EXPORT_KEEP/);
  });
});

describe('LIST_CACHE', () => {
  it('is on by default, off with "off", and refuses anything else', () => {
    expect(parseConfig(base).listCache).toBe(true);
    expect(parseConfig({ ...base, LIST_CACHE: 'off' }).listCache).toBe(false);
    expect(() => parseConfig({ ...base, LIST_CACHE: 'false' })).toThrow(/LIST_CACHE/);
  });
});
