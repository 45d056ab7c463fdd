'use client';
// The account menu at the header's end: who is signed in (the name shows from 1280 px), then
// Settings, API docs and Sign out. Closes on Escape, on a click outside it, and on a choice.
import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button-client';
import { useDismissable } from './use-dismissable';

const itemClass =
  'flex w-full items-center rounded-lg px-3 py-2 text-left text-sm text-zinc-200 hover:bg-white/5 hover:text-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-400 aria-[current=page]:text-zinc-50';

/** An uploaded avatar comes in widths: the smallest that is sharp at 32 CSS pixels. */
export function avatarSrc(avatar: string, cssPixels: number): string {
  return avatar.startsWith('/api/v1/image/') ? `${avatar}?w=${cssPixels * 2}` : avatar;
}

export function UserMenu({ name, username, avatar, current }: { name: string; username: string; avatar?: string | null; current?: boolean }) {
  const { open, setOpen, root } = useDismissable<HTMLDivElement>();


  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="account-menu"
        aria-label={`Account: ${name}`}
        onClick={() => setOpen((o) => !o)}
        className="flex max-w-56 items-center gap-2 rounded-full py-0.5 pl-0.5 pr-0.5 text-sm text-zinc-300 hover:bg-white/5 hover:text-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-400 xl:pr-3"
      >
        {avatar ? (
          <img src={avatarSrc(avatar, 32)} alt="" className="size-8 shrink-0 rounded-full object-cover" />
        ) : (
          <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-full bg-accent-400/15 text-sm font-semibold uppercase text-accent-300">
            {name.slice(0, 1)}
          </span>
        )}
        <span className="hidden truncate xl:inline">{name}</span>
      </button>
      {open && (
        <div id="account-menu" className="absolute right-0 top-full mt-2 w-56 rounded-xl border border-white/10 bg-zinc-900 p-1.5 shadow-2xl shadow-black/40">
          <p className="truncate px-3 pb-2 pt-1.5 text-xs text-zinc-500" title={username}>
            Signed in as <span className="font-medium text-zinc-300">{username}</span>
          </p>
          <Link href="/settings" aria-current={current ? 'page' : undefined} onClick={() => setOpen(false)} className={itemClass}>
            Settings
          </Link>
          <Link href="/docs" onClick={() => setOpen(false)} className={itemClass}>
            API docs
          </Link>
          <div className="mt-1 border-t border-white/5 px-0.5 pt-1.5">
            <SignOutButton />
          </div>
        </div>
      )}
    </div>
  );
}
