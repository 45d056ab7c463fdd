// The signed-in header: brand, main navigation (Admin only for admins), who is signed in, sign out.
import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button-client';
import { Brand } from './brand';

export type NavSection = 'home' | 'libraries' | 'shows' | 'discover' | 'history' | 'calendar' | 'settings' | 'admin';

export interface HeaderUser {
  username: string;
  name: string | null;
  role: 'admin' | 'user';
}

const linkClass =
  'shrink-0 whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-accent-400 aria-[current=page]:bg-white/10 aria-[current=page]:text-zinc-50 text-zinc-400 hover:text-zinc-100 hover:bg-white/5';

export function AppHeader({ user, current }: { user: HeaderUser; current?: NavSection }) {
  const links: { href: string; label: string; section?: NavSection }[] = [
    { href: '/', label: 'Home', section: 'home' },
    { href: '/libraries', label: 'Libraries', section: 'libraries' },
    { href: '/shows', label: 'Shows', section: 'shows' },
    { href: '/discover', label: 'Discover', section: 'discover' },
    { href: '/history', label: 'History', section: 'history' },
    { href: '/calendar', label: 'Calendar', section: 'calendar' },
    { href: '/settings', label: 'Settings', section: 'settings' },
    ...(user.role === 'admin' ? [{ href: '/admin/users', label: 'Admin', section: 'admin' as const }] : []),
    { href: '/docs', label: 'API docs' },
  ];
  return (
    <header className="sticky top-0 z-10 border-b border-white/10 bg-zinc-950/80 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="rounded-lg focus-visible:outline-2 focus-visible:outline-accent-400">
          <Brand />
        </Link>
        <nav aria-label="Main" className="order-3 -mx-1 flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto">
          {links.map((l) => (
            <Link key={l.href} href={l.href} aria-current={l.section && l.section === current ? 'page' : undefined} className={linkClass}>
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <span className="hidden text-sm text-zinc-400 sm:inline" title={`Signed in as ${user.username}`}>
            {user.name ?? user.username}
          </span>
          <span aria-hidden className="grid size-8 place-items-center rounded-full bg-accent-400/15 text-sm font-semibold uppercase text-accent-300">
            {(user.name ?? user.username).slice(0, 1)}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
