'use client';
// The live sessions table: pushed by GET /api/v1/admin/sessions/events as sessions start, move,
// pause, get new ffmpeg figures and end. Stop ends a session and its player says an admin stopped it.
import { useState } from 'react';
import { formatClock } from '@/components/player/format-clock';
import { apiFetch, ApiFetchError } from '@/components/queries/api-fetch';
import { useLiveList } from '@/components/queries/use-live-list';
import { SESSION_STREAM_EVENTS } from '@/lib/remote/live-event-names';

type Row = {
  key: string; user: { username: string }; device: { name: string; connected: boolean } | null; item: { title: string };
  mode: 'direct' | 'remux' | 'transcode'; reasons: string[]; position_secs: number | null; paused: boolean | null; duration_secs: number;
  bitrate: number | null; speed: number | null; cpu_percent: number | null;
};

export function SessionsTable() {
  const { items: rows, error: loadError } = useLiveList<Row>({ streamUrl: '/api/v1/admin/sessions/events', listUrl: '/api/v1/admin/sessions', idField: 'key', names: SESSION_STREAM_EVENTS });
  const [stopError, setStopError] = useState<string | null>(null);
  const error = stopError ?? loadError;
  const stop = async (key: string) => {
    setStopError(null);
    try {
      // The row goes when the stream says the session ended.
      await apiFetch(`/api/v1/admin/sessions/${encodeURIComponent(key)}`, { method: 'DELETE' });
    } catch (err) {
      setStopError(err instanceof ApiFetchError ? err.message : 'Could not stop it.');
    }
  };
  if (rows === null) return <p className="text-zinc-400">{error ?? 'Loading…'}</p>;
  return (
    <div className="space-y-3">
      {error && <p role="alert" className="text-sm text-red-300">{error}</p>}
      {rows.length === 0 ? (
        <p className="text-zinc-400">Nothing is playing.</p>
      ) : (
        <table aria-label="Stream sessions" className="w-full text-left text-sm">
          <thead className="text-zinc-400">
            <tr><th className="py-2">User · device</th><th>Item</th><th>Mode</th><th>Position</th><th>Bitrate</th><th>Speed</th><th>ffmpeg CPU</th><th /></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-t border-white/10 align-top" data-testid="session-row">
                <td className="py-2">{r.user.username}<span className="block text-xs text-zinc-500">{r.device ? `${r.device.name}${r.device.connected ? '' : ' (gone)'}` : 'no device id'}</span></td>
                <td>{r.item.title}</td>
                <td>{r.mode}<span className="block text-xs text-zinc-500">{r.reasons.join('; ')}</span></td>
                <td>{r.position_secs === null ? '–' : `${formatClock(r.position_secs)} / ${formatClock(r.duration_secs)}${r.paused ? ' (paused)' : ''}`}</td>
                <td>{r.bitrate ? `${(r.bitrate / 1e6).toFixed(1)} Mbps` : '–'}</td>
                <td>{r.speed === null ? '–' : `${r.speed.toFixed(1)}×`}</td>
                <td>{r.cpu_percent === null ? '–' : `${Math.round(r.cpu_percent)} %`}</td>
                <td><button type="button" onClick={() => void stop(r.key)} className="rounded-md bg-red-500/20 px-2 py-1 text-red-200 hover:bg-red-500/30">Stop</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
