// The admin area's own navigation: one link per admin page, the current one marked.
import Link from 'next/link';

export type AdminPage = 'users' | 'sessions' | 'api-keys' | 'unmatched' | 'outbox' | 'system' | 'backup';

const PAGES: { href: string; label: string; page: AdminPage }[] = [
  { href: '/admin/users', label: 'Users', page: 'users' },
  { href: '/admin/sessions', label: 'Sessions', page: 'sessions' },
  { href: '/admin/api-keys', label: 'TVDB API keys', page: 'api-keys' },
  { href: '/admin/unmatched', label: 'Unmatched', page: 'unmatched' },
  { href: '/admin/outbox', label: 'Outbox', page: 'outbox' },
  { href: '/admin/system', label: 'System', page: 'system' },
  { href: '/admin/backup', label: 'Backup', page: 'backup' },
];

const linkClass =
  'shrink-0 whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-accent-400 aria-[current=page]:bg-accent-400/10 aria-[current=page]:text-accent-300 text-zinc-400 hover:text-zinc-100 hover:bg-white/5';

export function AdminNav({ current }: { current: AdminPage }) {
  return (
    <nav aria-label="Admin" className="mb-6 flex gap-1 overflow-x-auto border-b border-white/10 pb-3">
      {PAGES.map((p) => (
        <Link key={p.href} href={p.href} aria-current={p.page === current ? 'page' : undefined} className={linkClass}>
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
