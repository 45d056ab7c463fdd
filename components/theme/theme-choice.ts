// The colour scheme a user picked: the system's (no cookie), or light or dark. Kept in a cookie so
// the server renders <html data-theme> and the page never flashes the other scheme.
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_COOKIE = 'marquee-theme';

export function parseThemeChoice(value: string | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The toggle's order: system → light → dark → system. */
export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return choice === 'system' ? 'light' : choice === 'light' ? 'dark' : 'system';
}
