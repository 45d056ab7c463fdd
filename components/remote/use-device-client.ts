'use client';
// Makes this player a device of its user: registers (the id kept for the tab, so a reload or the
// next episode is the same device), listens for commands on an EventSource (SSE: commands only
// flow down, state goes up as plain PUTs; EventSource reconnects by itself), answers each, and
// reports the player's state every 5 s and whenever `reportNow` is called (on every change).
import { useCallback, useEffect, useRef } from 'react';
import { apiFetch } from '@/components/queries/api-fetch';

export type DeviceCommand = { id: string; command: string } & Record<string, unknown>;
export type DeviceStateReport = {
  item_id: string | null;
  item_title: string | null;
  stream_key: string | null;
  position_secs: number;
  duration_secs: number | null;
  paused: boolean;
  volume: number;
  muted: boolean;
  subtitle: string | null;
  audio_index: number | null;
  subtitle_tracks: { id: string; label: string }[];
  audio_tracks: { index: number; label: string }[];
};

const STORAGE_KEY = 'marquee.device-id';
const REPORT_EVERY_MS = 5_000;

/** This tab's device id, once registered (null when registration failed: playback works without). */
export function storedDeviceId(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function useDevice({
  capabilities,
  onCommand,
  getState,
}: {
  capabilities: () => unknown;
  /** Does the command; a thrown error (its message) answers "failed". */
  onCommand: (cmd: DeviceCommand) => Promise<void> | void;
  getState: () => DeviceStateReport | null;
}) {
  const idRef = useRef<string | null>(null);
  const readyRef = useRef<Promise<string | null> | null>(null);
  const onCommandRef = useRef(onCommand);
  const getStateRef = useRef(getState);
  onCommandRef.current = onCommand;
  getStateRef.current = getState;
  const capsRef = useRef(capabilities);

  const reportNow = useCallback(() => {
    const id = idRef.current;
    const state = getStateRef.current();
    if (!id || !state) return;
    fetch(`/api/v1/devices/${encodeURIComponent(id)}/state`, {
      method: 'PUT', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(state),
    }).catch(() => undefined);
  }, []);

  if (!readyRef.current && typeof window !== 'undefined') {
    readyRef.current = apiFetch<{ id: string }>('/api/v1/devices', { body: { id: storedDeviceId() ?? undefined, capabilities: capsRef.current() } })
      .then((d) => {
        idRef.current = d.id;
        try {
          sessionStorage.setItem(STORAGE_KEY, d.id);
        } catch {
          /* private mode: a new device per page */
        }
        return d.id;
      })
      .catch(() => null);
  }

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let cancelled = false;
    void readyRef.current?.then((id) => {
      if (!id || cancelled) return;
      source = new EventSource(`/api/v1/devices/${encodeURIComponent(id)}/events`, { withCredentials: true });
      source.addEventListener('hello', () => reportNow());
      source.addEventListener('command', (e) => {
        let cmd: DeviceCommand;
        try {
          cmd = JSON.parse((e as MessageEvent<string>).data) as DeviceCommand;
        } catch {
          return;
        }
        const ack = (status: 'done' | 'failed', reason?: string) =>
          apiFetch(`/api/v1/devices/${encodeURIComponent(id)}/commands/${encodeURIComponent(cmd.id)}/ack`, { body: { status, reason } }).catch(() => undefined);
        Promise.resolve()
          .then(() => onCommandRef.current(cmd))
          .then(
            () => ack('done'),
            (err: unknown) => ack('failed', (err instanceof Error ? err.message : String(err)).slice(0, 300)),
          )
          .finally(() => reportNow());
      });
      timer = setInterval(reportNow, REPORT_EVERY_MS);
    });
    return () => {
      cancelled = true;
      clearInterval(timer);
      source?.close();
    };
  }, [reportNow]);

  return { ready: readyRef.current ?? Promise.resolve(null), reportNow, deviceId: () => idRef.current };
}
