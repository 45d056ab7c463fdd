'use client';
// The remote (phone-sized): what one of the user's devices plays, with transport buttons, a seek
// bar, volume, and track choice. It shows the device's reported state as it comes: the user's
// device stream (GET /api/v1/devices/events) pushes every report — a pause or seek made on the
// device itself too — so nothing here polls while that stream is up.
import { useEffect, useState } from 'react';
import { apiFetch, ApiFetchError } from '@/components/queries/api-fetch';
import { useLiveList } from '@/components/queries/use-live-list';
import { formatClock } from '@/components/player/format-clock';
import { DEVICE_STREAM_EVENTS } from '@/lib/remote/live-event-names';
import type { DeviceStateReport } from './use-device-client';

type Device = { id: string; name: string; connected: boolean; state: DeviceStateReport | null };

export function Remote({ deviceId }: { deviceId: string }) {
  const { items } = useLiveList<Device>({ streamUrl: '/api/v1/devices/events', listUrl: '/api/v1/devices', idField: 'id', names: DEVICE_STREAM_EVENTS });
  // The device as last seen: listed while connected; read once for its name when it is not (and for a 404).
  const [last, setLast] = useState<Device | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [seekTo, setSeekTo] = useState<number | null>(null);
  const listed = items?.find((d) => d.id === deviceId) ?? null;

  useEffect(() => {
    apiFetch<Device>(`/api/v1/devices/${encodeURIComponent(deviceId)}`).then(
      (d) => setLast((prev) => prev ?? d),
      (err: unknown) => setError(err instanceof ApiFetchError ? err.message : 'Could not reach the server.'),
    );
  }, [deviceId]);
  useEffect(() => {
    if (listed) setLast(listed);
  }, [listed]);

  // Not in the live list (once it came): not connected, whatever it said last.
  const device = listed ?? (last && (items === null ? last : { ...last, connected: false }));

  const send = async (body: Record<string, unknown>) => {
    setError(null);
    try {
      const cmd = await apiFetch<{ status: string; reason: string | null }>(`/api/v1/devices/${encodeURIComponent(deviceId)}/commands`, { body });
      if (cmd.status === 'expired') setError(cmd.reason ?? 'The device is gone.');
    } catch (err) {
      setError(err instanceof ApiFetchError ? err.message : 'Could not send the command.');
    }
  };

  const s = device?.state;
  const duration = s?.duration_secs ?? 0;
  const button = 'rounded-full bg-zinc-800 px-4 py-3 text-zinc-100 hover:bg-zinc-700 disabled:opacity-40';
  const off = !device?.connected;

  return (
    <section aria-label="Remote" className="mx-auto max-w-sm space-y-5 rounded-2xl border border-white/10 bg-zinc-900/60 p-5">
      <header>
        <p className="text-sm text-zinc-400">{device?.name ?? '…'}{device && !device.connected && ' · not connected'}</p>
        <h1 data-testid="remote-title" className="text-lg font-semibold text-zinc-50">{s?.item_title ?? 'Nothing playing'}</h1>
      </header>
      <div className="space-y-1">
        <input
          type="range" aria-label="Seek" min={0} max={Math.max(duration, 1)} step={1} disabled={off || !duration}
          value={seekTo ?? s?.position_secs ?? 0}
          onChange={(e) => setSeekTo(Number(e.target.value))}
          onPointerUp={() => { if (seekTo !== null) void send({ command: 'seek', position_secs: seekTo }); setSeekTo(null); }}
          onKeyUp={() => { if (seekTo !== null) void send({ command: 'seek', position_secs: seekTo }); setSeekTo(null); }}
          className="w-full accent-accent-400"
        />
        <p className="flex justify-between text-xs text-zinc-400" data-testid="remote-position">
          <span>{formatClock(seekTo ?? s?.position_secs ?? 0)}</span>
          <span>{formatClock(duration)}</span>
        </p>
      </div>
      <div className="flex items-center justify-center gap-2">
        <button type="button" className={button} disabled={off} aria-label="Back 10 seconds" onClick={() => void send({ command: 'seek', position_secs: Math.max(0, (s?.position_secs ?? 0) - 10) })}>−10</button>
        <button type="button" className={button} disabled={off} aria-label={s?.paused === false ? 'Pause' : 'Play'} onClick={() => void send({ command: s?.paused === false ? 'pause' : 'play' })}>
          {s?.paused === false ? 'Pause' : 'Play'}
        </button>
        <button type="button" className={button} disabled={off} aria-label="Forward 10 seconds" onClick={() => void send({ command: 'seek', position_secs: (s?.position_secs ?? 0) + 10 })}>+10</button>
        <button type="button" className={button} disabled={off} aria-label="Next" onClick={() => void send({ command: 'next' })}>Next</button>
        <button type="button" className={button} disabled={off} aria-label="Stop" onClick={() => void send({ command: 'stop' })}>Stop</button>
      </div>
      <div className="flex items-center gap-3">
        <button type="button" className="rounded-md bg-zinc-800 px-3 py-1 text-sm" disabled={off} onClick={() => void send({ command: 'mute' })}>{s?.muted ? 'Unmute' : 'Mute'}</button>
        <input type="range" aria-label="Volume" min={0} max={100} step={5} disabled={off} value={s?.volume ?? 100} onChange={(e) => void send({ command: 'volume', level: Number(e.target.value) })} className="flex-1 accent-accent-400" />
        <span className="w-10 text-right text-sm text-zinc-400" data-testid="remote-volume">{s?.volume ?? '–'}</span>
      </div>
      {s && (s.subtitle_tracks.length > 0 || s.audio_tracks.length > 1) && (
        <div className="flex flex-wrap gap-3 text-sm">
          {s.subtitle_tracks.length > 0 && (
            <label className="flex items-center gap-1 text-zinc-400">
              Subtitles
              <select value={s.subtitle ?? 'off'} disabled={off} onChange={(e) => void send({ command: 'set_subtitle', track: e.target.value === 'off' ? null : e.target.value })} className="rounded-md bg-zinc-800 px-2 py-1 text-zinc-100">
                <option value="off">Off</option>
                {s.subtitle_tracks.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
              </select>
            </label>
          )}
          {s.audio_tracks.length > 1 && (
            <label className="flex items-center gap-1 text-zinc-400">
              Audio
              <select value={String(s.audio_index ?? '')} disabled={off} onChange={(e) => void send({ command: 'set_audio', index: Number(e.target.value) })} className="rounded-md bg-zinc-800 px-2 py-1 text-zinc-100">
                {s.audio_tracks.map((a) => <option key={a.index} value={a.index}>{a.label}</option>)}
              </select>
            </label>
          )}
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-300">{error}</p>}
    </section>
  );
}
