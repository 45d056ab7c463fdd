'use client';
// /remote: the user's connected devices, each a link to its remote, renamable. Live: a device that
// opens, plays, pauses, is renamed or goes away shows at once (GET /api/v1/devices/events).
import Link from 'next/link';
import { apiFetch } from '@/components/queries/api-fetch';
import { useLiveList } from '@/components/queries/use-live-list';
import { DEVICE_STREAM_EVENTS } from '@/lib/remote/live-event-names';
import { storedDeviceId } from './use-device-client';

type Device = { id: string; name: string; state: { item_title: string | null; paused: boolean } | null };

export function DeviceList() {
  const { items: devices, error } = useLiveList<Device>({ streamUrl: '/api/v1/devices/events', listUrl: '/api/v1/devices', idField: 'id', names: DEVICE_STREAM_EVENTS });
  const rename = async (d: Device) => {
    const name = window.prompt('Name this device', d.name)?.trim();
    // The new name comes back on the stream.
    if (name) await apiFetch(`/api/v1/devices/${encodeURIComponent(d.id)}`, { method: 'PATCH', body: { name } }).catch(() => undefined);
  };
  const own = typeof window === 'undefined' ? null : storedDeviceId();
  if (devices === null) return <p className="text-zinc-400">{error ?? 'Looking for devices…'}</p>;
  if (devices.length === 0) return <p className="text-zinc-400">No player is open. Open something to watch on another screen, and it shows up here.</p>;
  return (
    <ul className="space-y-2" aria-label="Devices">
      {devices.map((d) => (
        <li key={d.id} className="flex items-center justify-between gap-3 rounded-xl border border-white/10 bg-zinc-900/60 px-4 py-3">
          <Link href={`/remote/${encodeURIComponent(d.id)}`} className="min-w-0">
            <span className="block text-zinc-100">{d.name}{d.id === own && ' (this tab)'}</span>
            <span className="block truncate text-sm text-zinc-400">{d.state?.item_title ? `${d.state.paused ? 'Paused' : 'Playing'}: ${d.state.item_title}` : 'Idle'}</span>
          </Link>
          <button type="button" onClick={() => void rename(d)} className="rounded-md bg-zinc-800 px-2 py-1 text-sm text-zinc-100">Rename</button>
        </li>
      ))}
    </ul>
  );
}
