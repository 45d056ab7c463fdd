'use client';
// "Play on…": the user's other connected devices; picking one starts this item there (play_item)
// at `position`, and links to its remote page.
import Link from 'next/link';
import { useState } from 'react';
import { apiFetch, ApiFetchError } from '@/components/queries/api-fetch';

type Device = { id: string; name: string; state: { item_title: string | null } | null };

/** `startAt` (seconds) from a server component; `position` from the player (read when picked). */
export function PlayOnMenu({ mediaId, startAt = 0, position, exclude, onSent }: { mediaId: string; startAt?: number; position?: () => number; exclude?: () => string | null; onSent?: () => void }) {
  const [open, setOpen] = useState(false);
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [message, setMessage] = useState<{ text: string; remote?: string } | null>(null);

  const toggle = async () => {
    const next = !open;
    setOpen(next);
    setMessage(null);
    if (!next) return;
    try {
      const own = exclude?.() ?? null;
      setDevices((await apiFetch<Device[]>('/api/v1/devices')).filter((d) => d.id !== own));
    } catch {
      setDevices([]);
    }
  };

  const playOn = async (d: Device) => {
    try {
      await apiFetch(`/api/v1/devices/${encodeURIComponent(d.id)}/commands`, { body: { command: 'play_item', media_id: mediaId, position_secs: Math.floor(position?.() ?? startAt) } });
      setMessage({ text: `Playing on ${d.name}.`, remote: `/remote/${encodeURIComponent(d.id)}` });
      setOpen(false);
      onSent?.();
    } catch (err) {
      setMessage({ text: err instanceof ApiFetchError ? err.message : 'Could not reach that device.' });
    }
  };

  return (
    <div className="relative">
      <button type="button" onClick={() => void toggle()} aria-expanded={open} className="rounded-md bg-zinc-800 px-2 py-1 text-sm text-zinc-100 hover:bg-zinc-700">
        Play on…
      </button>
      {open && (
        <div role="menu" aria-label="Play on" className="absolute right-0 z-20 mt-1 w-64 rounded-lg border border-white/10 bg-zinc-900 p-1 text-sm shadow-xl">
          {devices === null && <p className="px-3 py-2 text-zinc-400">Looking for devices…</p>}
          {devices?.length === 0 && <p className="px-3 py-2 text-zinc-400">No other device is open. Open Marquee&apos;s player on another screen to see it here.</p>}
          {devices?.map((d) => (
            <button key={d.id} type="button" role="menuitem" onClick={() => void playOn(d)} className="block w-full rounded-md px-3 py-2 text-left text-zinc-100 hover:bg-zinc-800">
              {d.name}
              {d.state?.item_title && <span className="block truncate text-xs text-zinc-500">Playing {d.state.item_title}</span>}
            </button>
          ))}
        </div>
      )}
      {message && (
        <p role="status" className="absolute right-0 z-20 mt-1 w-64 rounded-lg bg-zinc-900 px-3 py-2 text-sm text-zinc-200">
          {message.text}{' '}
          {message.remote && (
            <Link href={message.remote} className="text-accent-300 underline">
              Open the remote
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
