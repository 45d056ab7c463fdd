// The 404 page, for any address that leads nowhere (and every notFound() in a page): with the app's
// header for a signed-in user, so they are still inside the app, and a way back for everyone.
import type { Metadata } from 'next';
import Link from 'next/link';
import { AppHeader } from '@/components/layout/app-header';
import { Brand } from '@/components/layout/brand';
import { getPageUser } from '@/lib/http/page-user';

export const metadata: Metadata = { title: 'Not found' };

const linkClass = 'rounded-lg px-4 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-400';

export default async function NotFound() {
  const user = await getPageUser();
  return (
    <>
      {user ? (
        <AppHeader user={user} />
      ) : (
        <header className="mx-auto flex max-w-6xl px-4 py-4 sm:px-6">
          <Link href="/" className="rounded-lg focus-visible:outline-2 focus-visible:outline-accent-400">
            <Brand />
          </Link>
        </header>
      )}
      <main className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center sm:py-28">
        <p className="font-mono text-6xl font-black tracking-tight text-accent-400 sm:text-7xl" aria-hidden>
          404
        </p>
        <h1 className="mt-4 text-2xl font-bold tracking-tight text-zinc-50 sm:text-3xl">Nothing playing here</h1>
        <p className="mt-3 text-sm leading-relaxed text-zinc-400">
          This page does not exist, or what it showed was removed from the library. Check the address, or pick up from one of these.
        </p>
        <nav aria-label="Ways back" className="mt-8 flex flex-wrap justify-center gap-3">
          <Link href="/" className={`${linkClass} bg-accent-400 text-zinc-950 hover:bg-accent-300`}>
            Home
          </Link>
          {user && (
            <>
              <Link href="/movies" className={`${linkClass} bg-white/5 text-zinc-100 ring-1 ring-inset ring-white/10 hover:bg-white/10`}>
                Movies
              </Link>
              <Link href="/shows" className={`${linkClass} bg-white/5 text-zinc-100 ring-1 ring-inset ring-white/10 hover:bg-white/10`}>
                Shows
              </Link>
            </>
          )}
        </nav>
      </main>
    </>
  );
}
