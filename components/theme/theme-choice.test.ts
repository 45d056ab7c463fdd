import { describe, expect, it } from 'vitest';
import { nextThemeChoice, parseThemeChoice } from './theme-choice';

describe('theme choice', () => {
  it.each([
    [undefined, 'system'],
    ['', 'system'],
    ['light', 'light'],
    ['dark', 'dark'],
    ['DARK', 'system'],
    ['sepia', 'system'],
  ] as const)('reads the cookie %j as %s', (cookie, choice) => {
    expect(parseThemeChoice(cookie)).toBe(choice);
  });

  it('toggles system → light → dark → system', () => {
    expect([nextThemeChoice('system'), nextThemeChoice('light'), nextThemeChoice('dark')]).toEqual(['light', 'dark', 'system']);
  });
});
