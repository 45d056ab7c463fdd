'use client';
// Below 1024 px the main navigation folds into a Menu button; the panel drops under the header and
// closes on a choice, on Escape, on a click outside it, and when the page changes.
import Link from 'next/link';
import { useDismissable } from './use-dismissable';
import { usePathname } from 'next/navigation';
import { useState } from 'react';

export interface NavLink {
  href: string;
  label: string;
  current?: boolean;
}

export function NavMenu({ links }: { links: NavLink[] }) {
  const { open, setOpen, root } = useDismissable<HTMLDivElement>();
  const pathname = usePathname();
  const [lastPath, setLastPath] = useState(pathname);
  if (lastPath !== pathname) {
    setLastPath(pathname);
    setOpen(false);
  }


  return (
    <div ref={root} className="lg:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => setOpen((o) => !o)}
        className="-ml-2 grid size-9 place-items-center rounded-lg text-zinc-300 hover:bg-white/5 hover:text-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-400"
      >
        <span className="sr-only">Menu</span>
        <svg viewBox="0 0 24 24" aria-hidden className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
      </button>
      {open && (
        <nav id="main-menu" aria-label="Main" className="absolute inset-x-0 top-full border-b border-white/10 bg-zinc-950 px-4 py-3 shadow-2xl shadow-black/40 sm:px-6">
          <ul className="mx-auto grid max-w-6xl gap-1 sm:grid-cols-2">
            {links.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  aria-current={l.current ? 'page' : undefined}
                  onClick={() => setOpen(false)}
                  className="block rounded-lg px-3 py-2.5 text-base font-medium text-zinc-300 hover:bg-white/5 hover:text-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-400 aria-[current=page]:bg-white/10 aria-[current=page]:text-zinc-50"
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
