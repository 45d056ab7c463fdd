// The signed-in header, on one row at every width: brand, the main navigation (inline from 1024 px,
// behind a Menu button below that), the theme toggle, and the account menu (settings, API docs,
// sign out). Admin shows only for admins.
import { cookies } from 'next/headers';
import Link from 'next/link';
import { parseThemeChoice, THEME_COOKIE } from '@/components/theme/theme-choice';
import { ThemeToggle } from '@/components/theme/theme-toggle-client';
import { Brand } from './brand';
import { NavMenu, type NavLink } from './nav-menu-client';
import { UserMenu } from './user-menu-client';

export type NavSection = 'home' | 'movies' | 'shows' | 'libraries' | 'discover' | 'history' | 'calendar' | 'settings' | 'admin';

export interface HeaderUser {
  username: string;
  name: string | null;
  /** A URL or a path on this server (an uploaded avatar is an image-route URL). */
  avatar?: string | null;
  role: 'admin' | 'user';
}

export const navLinkClass =
  'shrink-0 whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-accent-400 aria-[current=page]:bg-white/10 aria-[current=page]:text-zinc-50 text-zinc-400 hover:text-zinc-100 hover:bg-white/5';

export async function AppHeader({ user, current }: { user: HeaderUser; current?: NavSection }) {
  const links: NavLink[] = [
    { href: '/', label: 'Home', current: current === 'home' },
    { href: '/movies', label: 'Movies', current: current === 'movies' },
    { href: '/shows', label: 'Shows', current: current === 'shows' },
    { href: '/libraries', label: 'Libraries', current: current === 'libraries' },
    { href: '/discover', label: 'Discover', current: current === 'discover' },
    { href: '/history', label: 'History', current: current === 'history' },
    { href: '/calendar', label: 'Calendar', current: current === 'calendar' },
    ...(user.role === 'admin' ? [{ href: '/admin/users', label: 'Admin', current: current === 'admin' }] : []),
  ];
  const theme = parseThemeChoice((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <header className="sticky top-0 z-20 border-b border-white/10 bg-zinc-950/85 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:px-6 lg:gap-6">
        <NavMenu links={links} />
        <Link href="/" className="shrink-0 rounded-lg focus-visible:outline-2 focus-visible:outline-accent-400">
          <Brand />
        </Link>
        <nav aria-label="Main" className="hidden min-w-0 gap-1 lg:flex">
          {links.map((l) => (
            <Link key={l.href} href={l.href} aria-current={l.current ? 'page' : undefined} className={navLinkClass}>
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-1">
          <ThemeToggle initial={theme} />
          <UserMenu name={user.name ?? user.username} username={user.username} avatar={user.avatar ?? null} current={current === 'settings'} />
        </div>
      </div>
    </header>
  );
}
