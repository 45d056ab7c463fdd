'use client';
// The player: asks for a stream session with this browser's abilities, plays it (the file as it is,
// or HLS through hls.js where the browser has no native HLS), and keeps the resume point. Keys:
// space play/pause, ←/→ 10 s, f full screen, m mute. Menus switch quality, audio and subtitles;
// the info panel says how and why it plays this way.
import Hls from 'hls.js';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiFetch, ApiFetchError } from '@/components/queries/api-fetch';
import { detectCapabilities } from './browser-capabilities';
import { PlayerControls } from './player-controls-client';
import { useTrickplay } from './scrub-bar-client';
import { formatClock } from './format-clock';
import { PlayOnMenu } from '@/components/remote/play-on-menu-client';
import { type DeviceCommand, type DeviceStateReport, useDevice } from '@/components/remote/use-device-client';

type Track = { id: string; source: string; codec: string; language: string | null; title: string | null; forced: boolean; default: boolean; text: boolean; url: string | null };
type Session = {
  stream_key: string;
  mode: 'direct' | 'remux' | 'transcode' | 'renditions';
  reasons: string[];
  url: string;
  duration: number;
  video: { codec: string; source_codec: string; width: number; height: number; bitrate: number | null } | null;
  audio_tracks: { index: number; codec: string; language: string | null; title: string | null; channels: number | null; selected: boolean }[];
  subtitle_tracks: Track[];
  qualities: string[];
  quality: string;
  trickplay_url: string | null;
  bitrate: number | null;
};
type PlayOptions = { quality: string; audioIndex?: number; burn?: string };
type Target = { id: string; title: string; subtitle: string | null; backHref: string; next: { id: string; title: string } | null };

const SAVE_EVERY_MS = 10_000;
const NEXT_COUNTDOWN = 10;
const MIN_RESUME_SECS = 5;
/** A stream session started for this tab by another device's play_item, handed over through a navigation. */
const ADOPT_KEY = 'marquee.adopt-session';

function takeAdoptedSession(mediaId: string): { session: Session; position: number } | null {
  try {
    const raw = sessionStorage.getItem(ADOPT_KEY);
    sessionStorage.removeItem(ADOPT_KEY);
    const adopted = raw ? (JSON.parse(raw) as { media_id: string; position: number; session: Session }) : null;
    return adopted?.media_id === mediaId ? adopted : null;
  } catch {
    return null;
  }
}


function trackLabel(t: { language: string | null; title: string | null; codec: string }, i: number) {
  return [t.title, t.language?.toUpperCase(), t.codec.toUpperCase()].filter(Boolean).join(' · ') || `Track ${i + 1}`;
}

export function Player({ target }: { target: Target }) {
  const router = useRouter();
  const videoRef = useRef<HTMLVideoElement>(null);
  const hlsRef = useRef<Hls | null>(null);
  const sessionRef = useRef<Session | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resumeAt, setResumeAt] = useState<number | null>(null);
  const [started, setStarted] = useState(false);
  const [quality, setQuality] = useState('original');
  const [audioIndex, setAudioIndex] = useState<number | undefined>(undefined);
  const [subtitle, setSubtitle] = useState('off');
  const [showInfo, setShowInfo] = useState(false);
  const [countdown, setCountdown] = useState<number | null>(null);
  const trickplay = useTrickplay(session?.trickplay_url ?? null);
  const commandRef = useRef<(cmd: DeviceCommand) => Promise<void> | void>(() => undefined);
  const stateRef = useRef<() => DeviceStateReport | null>(() => null);
  const device = useDevice({
    capabilities: () => detectCapabilities(Hls.isSupported()),
    onCommand: (cmd) => commandRef.current(cmd),
    getState: () => stateRef.current(),
  });
  const deviceReady = useRef(device.ready);
  const reportNow = device.reportNow;
  const burnId = session?.subtitle_tracks.some((t) => !t.text && t.id === subtitle) ? subtitle : undefined;

  const savePosition = useCallback((beacon = false, state: 'playing' | 'paused' | 'stopped' = 'playing') => {
    const v = videoRef.current;
    if (!v || !sessionRef.current || !Number.isFinite(v.currentTime) || v.currentTime <= 0) return;
    const body = JSON.stringify({ secs_offset: v.currentTime, state });
    const url = `/api/v1/user/stopped-at/${encodeURIComponent(target.id)}`;
    if (beacon) fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' }, keepalive: true, credentials: 'same-origin' }).catch(() => undefined);
    else apiFetch(url, { method: 'POST', body: { secs_offset: v.currentTime, state } }).catch(() => undefined);
  }, [target.id]);

  const endSession = useCallback((keepalive = false) => {
    const s = sessionRef.current;
    sessionRef.current = null;
    hlsRef.current?.destroy();
    hlsRef.current = null;
    if (s) fetch(`/api/v1/stream-session/${s.stream_key}`, { method: 'DELETE', keepalive, credentials: 'same-origin' }).catch(() => undefined);
  }, []);

  const play = useCallback(async (offset: number, opts: PlayOptions, premade?: Session) => {
    const v = videoRef.current;
    if (!v) return;
    setError(null);
    endSession();
    let s: Session;
    try {
      // This tab's device id: a new session from it ends its earlier ones at once.
      const deviceId = premade ? null : await deviceReady.current;
      s = premade ?? await apiFetch<Session>('/api/v1/stream-session', {
        body: {
          media_id: target.id,
          video_offset: offset,
          supported_codecs: detectCapabilities(Hls.isSupported()),
          quality: opts.quality,
          audio_index: opts.audioIndex,
          burn_subtitle: opts.burn,
          device_id: deviceId ?? undefined,
        },
      });
    } catch (err) {
      setError(err instanceof ApiFetchError ? err.message : 'Could not start playback.');
      return;
    }
    sessionRef.current = s;
    setSession(s);
    if (s.mode === 'direct' || !Hls.isSupported()) {
      v.src = s.url;
      v.currentTime = offset;
    } else {
      const hls = new Hls({ startPosition: offset, maxBufferLength: 30 });
      hlsRef.current = hls;
      hls.on(Hls.Events.ERROR, (_e, data) => {
        if (!data.fatal) return;
        const status = (data.response as { code?: number } | undefined)?.code;
        setError(status === 500 ? 'The server could not convert this file (it may be damaged).' : `Playback failed (${data.details}).`);
        hls.destroy();
      });
      hls.loadSource(s.url);
      hls.attachMedia(v);
    }
    // Start once there is something to play: play() before that can be aborted by the load and
    // leave the player paused at 0:00 (it did, 1 time in 4, for transcodes).
    // A browser that refuses to start with sound (no click on this page yet) starts muted instead.
    const start = () => {
      if (sessionRef.current !== s) return;
      v.play().catch((err: unknown) => {
        if (sessionRef.current !== s || (err as Error)?.name !== 'NotAllowedError') return;
        v.muted = true;
        v.play().catch(() => undefined);
      });
    };
    if (v.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) start();
    else v.addEventListener('canplay', start, { once: true });
  }, [endSession, target.id]);

  // Resume prompt first, then play (a session handed over by play_item plays at once).
  useEffect(() => {
    let cancelled = false;
    const adopted = takeAdoptedSession(target.id);
    if (adopted) {
      setStarted(true);
      void play(adopted.position, { quality: adopted.session.quality }, adopted.session);
      return;
    }
    apiFetch<{ secs_offset: number }>(`/api/v1/user/stopped-at/${encodeURIComponent(target.id)}`)
      .then((r) => {
        if (cancelled) return;
        // A few seconds in is not worth asking about ("You stopped at 0:00"): start over.
        if (r.secs_offset >= MIN_RESUME_SECS) setResumeAt(r.secs_offset);
        else {
          setStarted(true);
          void play(0, { quality: 'original' });
        }
      })
      .catch((err) => !cancelled && setError(err instanceof ApiFetchError ? err.message : 'This cannot be played.'));
    return () => {
      cancelled = true;
    };
  }, [play, target.id]);

  // Progress: every 10 s while playing, on pause, and when the page goes away; the session ends with the page.
  useEffect(() => {
    const v = videoRef.current;
    const timer = setInterval(() => {
      if (v && !v.paused) savePosition();
    }, SAVE_EVERY_MS);
    const onPause = () => savePosition(false, 'paused');
    const onHide = () => {
      savePosition(true, 'stopped');
      endSession(true);
    };
    v?.addEventListener('pause', onPause);
    window.addEventListener('pagehide', onHide);
    // Every change is reported to the user's other devices at once (the remote page shows it).
    const changes = ['play', 'pause', 'seeked', 'volumechange', 'loadedmetadata'] as const;
    for (const c of changes) v?.addEventListener(c, reportNow);
    return () => {
      clearInterval(timer);
      for (const c of changes) v?.removeEventListener(c, reportNow);
      v?.removeEventListener('pause', onPause);
      window.removeEventListener('pagehide', onHide);
      savePosition(true, 'stopped');
      endSession(true);
    };
  }, [endSession, savePosition, reportNow]);

  useEffect(() => reportNow(), [reportNow, session, subtitle, audioIndex]);

  // Subtitles: one text track showing, or none.
  useEffect(() => {
    const v = videoRef.current;
    if (!v) return;
    for (const t of Array.from(v.textTracks)) t.mode = t.id === subtitle ? 'showing' : 'disabled';
  }, [subtitle, session]);

  // Keys.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const v = videoRef.current;
      if (!v || (e.target as HTMLElement).closest('select, input, button')) return;
      if (e.key === ' ') {
        e.preventDefault();
        if (v.paused) void v.play();
        else v.pause();
      } else if (e.key === 'ArrowLeft') v.currentTime = Math.max(0, v.currentTime - 10);
      else if (e.key === 'ArrowRight') v.currentTime = Math.min(v.duration || Infinity, v.currentTime + 10);
      else if (e.key === 'f') {
        if (document.fullscreenElement) void document.exitFullscreen();
        else void v.parentElement?.requestFullscreen();
      } else if (e.key === 'm') v.muted = !v.muted;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Next episode countdown.
  useEffect(() => {
    if (countdown === null || !target.next) return;
    if (countdown <= 0) {
      router.push(`/watch/${encodeURIComponent(target.next.id)}`);
      return;
    }
    const t = setTimeout(() => setCountdown((c) => (c === null ? null : c - 1)), 1000);
    return () => clearTimeout(t);
  }, [countdown, router, target.next]);

  const switchTo = (opts: PlayOptions) => {
    const at = videoRef.current?.currentTime ?? 0;
    setQuality(opts.quality);
    setAudioIndex(opts.audioIndex);
    void play(at, opts);
  };

  // Text tracks switch in the browser; an image track (PGS, VobSub) means a new stream with it burned in.
  const chooseSubtitle = (id: string) => {
    const track = session?.subtitle_tracks.find((t) => t.id === id);
    const burning = session?.subtitle_tracks.some((t) => !t.text && t.id === subtitle);
    setSubtitle(id);
    if (track && !track.text) switchTo({ quality, audioIndex, burn: id });
    else if (burning) switchTo({ quality, audioIndex });
  };

  stateRef.current = () => {
    const v = videoRef.current;
    return {
      item_id: target.id,
      item_title: target.subtitle ? `${target.title} · ${target.subtitle}` : target.title,
      stream_key: session?.stream_key ?? null,
      position_secs: v && Number.isFinite(v.currentTime) ? v.currentTime : 0,
      duration_secs: session?.duration ?? null,
      paused: v ? v.paused : true,
      volume: v ? Math.round(v.volume * 100) : 100,
      muted: v?.muted ?? false,
      subtitle: subtitle === 'off' ? null : subtitle,
      audio_index: session?.audio_tracks.find((a) => a.selected)?.index ?? null,
      subtitle_tracks: (session?.subtitle_tracks ?? []).map((t, i) => ({ id: t.id, label: trackLabel(t, i) })),
      audio_tracks: (session?.audio_tracks ?? []).map((a, i) => ({ index: a.index, label: trackLabel(a, i) })),
    };
  };

  // What another device asked for. A thrown error is the "failed" answer's reason.
  commandRef.current = async (cmd) => {
    const v = videoRef.current;
    if (!v) throw new Error('The player is not ready.');
    switch (cmd.command) {
      case 'play':
        await v.play();
        return;
      case 'pause':
        v.pause();
        return;
      case 'toggle':
        if (v.paused) await v.play();
        else v.pause();
        return;
      case 'seek':
        v.currentTime = Math.min(Number(cmd.position_secs), session?.duration ?? Infinity);
        return;
      case 'volume': {
        const level = typeof cmd.level === 'number' ? cmd.level : Math.round(v.volume * 100) + Number(cmd.delta ?? 0);
        v.volume = Math.max(0, Math.min(100, level)) / 100;
        if (level > 0) v.muted = false;
        return;
      }
      case 'mute':
        v.muted = typeof cmd.muted === 'boolean' ? cmd.muted : !v.muted;
        return;
      case 'stop':
        v.pause();
        endSession();
        setSession(null);
        setError(typeof cmd.reason === 'string' && cmd.reason ? cmd.reason : 'Playback was stopped from another device.');
        return;
      case 'next':
        if (!target.next) throw new Error('Nothing comes next.');
        router.push(`/watch/${encodeURIComponent(target.next.id)}`);
        return;
      case 'play_item': {
        const s = cmd.session as Session;
        const position = Number(cmd.position_secs ?? 0);
        if (cmd.media_id === target.id) {
          void play(position, { quality: s.quality }, s);
          return;
        }
        sessionStorage.setItem(ADOPT_KEY, JSON.stringify({ media_id: cmd.media_id, position, session: s }));
        router.push(`/watch/${encodeURIComponent(String(cmd.media_id))}`);
        return;
      }
      case 'set_subtitle': {
        const track = cmd.track === null ? 'off' : String(cmd.track);
        if (track !== 'off' && !session?.subtitle_tracks.some((t) => t.id === track)) throw new Error(`No subtitle track ${track}.`);
        chooseSubtitle(track);
        return;
      }
      case 'set_audio': {
        const index = Number(cmd.index);
        if (!session?.audio_tracks.some((a) => a.index === index)) throw new Error(`No audio track ${index}.`);
        switchTo({ quality, audioIndex: index, burn: burnId });
        return;
      }
      default:
        throw new Error(`Unknown command ${cmd.command}.`);
    }
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <Link href={target.backHref} className="text-sm text-zinc-400 hover:text-zinc-200">
            ← Back
          </Link>
          <h1 className="text-xl font-semibold text-zinc-50">{target.title}</h1>
          {target.subtitle && <p className="text-sm text-zinc-400">{target.subtitle}</p>}
        </div>
        {session && (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label className="flex items-center gap-1 text-zinc-400">
              Quality
              <select aria-label="Quality" value={quality} onChange={(e) => switchTo({ quality: e.target.value, audioIndex, burn: burnId })} className="rounded-md bg-zinc-800 px-2 py-1 text-zinc-100">
                {session.qualities.map((q) => (
                  <option key={q} value={q}>
                    {q === 'original' ? 'Original' : q}
                  </option>
                ))}
              </select>
            </label>
            {session.audio_tracks.length > 1 && (
              <label className="flex items-center gap-1 text-zinc-400">
                Audio
                <select aria-label="Audio" value={String(session.audio_tracks.find((a) => a.selected)?.index ?? '')} onChange={(e) => switchTo({ quality, audioIndex: Number(e.target.value), burn: burnId })} className="rounded-md bg-zinc-800 px-2 py-1 text-zinc-100">
                  {session.audio_tracks.map((a, i) => (
                    <option key={a.index} value={a.index}>
                      {trackLabel(a, i)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="flex items-center gap-1 text-zinc-400">
              Subtitles
              <select aria-label="Subtitles" value={subtitle} onChange={(e) => chooseSubtitle(e.target.value)} className="rounded-md bg-zinc-800 px-2 py-1 text-zinc-100">
                <option value="off">Off</option>
                {session.subtitle_tracks.map((t, i) => (
                  <option key={t.id} value={t.id}>
                    {trackLabel(t, i)}
                    {t.text ? '' : ' (burned in)'}
                  </option>
                ))}
              </select>
            </label>
            <PlayOnMenu mediaId={target.id} position={() => videoRef.current?.currentTime ?? 0} exclude={device.deviceId} onSent={() => videoRef.current?.pause()} />
            <button type="button" onClick={() => setShowInfo((x) => !x)} aria-expanded={showInfo} className="rounded-md bg-zinc-800 px-2 py-1 text-zinc-100 hover:bg-zinc-700">
              Info
            </button>
          </div>
        )}
      </div>

      <div className="relative overflow-hidden rounded-2xl bg-black">
        <video
          ref={videoRef}
          data-testid="player"
          data-mode={session?.mode ?? ''}
          playsInline
          onClick={() => {
            const v = videoRef.current;
            if (v) void (v.paused ? v.play().catch(() => undefined) : v.pause());
          }}
          crossOrigin="use-credentials"
          className="aspect-video w-full"
          onEnded={() => target.next && setCountdown(NEXT_COUNTDOWN)}
          onError={() => videoRef.current?.error && setError(`The browser could not play this (${videoRef.current.error.message || `error ${videoRef.current.error.code}`}).`)}
        >
          {session?.subtitle_tracks
            .filter((t) => t.text && t.url)
            .map((t, i) => <track key={`${session.stream_key}-${t.id}`} id={t.id} kind="subtitles" src={t.url!} srcLang={t.language?.slice(0, 2) ?? undefined} label={trackLabel(t, i)} />)}
        </video>
        {resumeAt !== null && !started && (
          <div role="dialog" aria-label="Resume" className="absolute inset-0 grid place-items-center bg-zinc-950/80">
            <div className="space-y-3 text-center">
              <p className="text-zinc-200">You stopped at {formatClock(resumeAt)}.</p>
              <div className="flex justify-center gap-2">
                <button type="button" className="rounded-lg bg-accent-400 px-4 py-2 font-semibold text-zinc-950 hover:bg-accent-300" onClick={() => { setStarted(true); void play(resumeAt, { quality }); }}>
                  Resume from {formatClock(resumeAt)}
                </button>
                <button type="button" className="rounded-lg bg-zinc-800 px-4 py-2 text-zinc-100" onClick={() => { setStarted(true); void play(0, { quality }); }}>
                  Start over
                </button>
              </div>
            </div>
          </div>
        )}
        {countdown !== null && target.next && (
          <div role="status" className="absolute bottom-4 right-4 space-y-2 rounded-xl bg-zinc-950/90 p-4 text-sm text-zinc-200">
            <p>
              Next: {target.next.title} in {countdown} s
            </p>
            <div className="flex gap-2">
              <Link href={`/watch/${encodeURIComponent(target.next.id)}`} className="rounded-md bg-accent-400 px-3 py-1 font-semibold text-zinc-950 hover:bg-accent-300">
                Play now
              </Link>
              <button type="button" onClick={() => setCountdown(null)} className="rounded-md bg-zinc-800 px-3 py-1">
                Cancel
              </button>
            </div>
          </div>
        )}
      </div>

      {session && <PlayerControls video={videoRef.current} duration={session.duration} trickplay={trickplay} />}

      {error && (
        <p role="alert" className="rounded-lg border border-red-500/30 bg-red-500/10 px-4 py-3 text-sm text-red-200">
          {error}
        </p>
      )}

      {showInfo && session && (
        <dl aria-label="Playback info" className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-xl border border-white/10 bg-zinc-900/60 p-4 text-sm">
          <dt className="text-zinc-500">Mode</dt>
          <dd className="text-zinc-200" data-testid="play-mode">{{ direct: 'Direct play', remux: 'Remux (video copied)', transcode: 'Transcode', renditions: 'Renditions (made in the background, adaptive bitrate)' }[session.mode]}</dd>
          <dt className="text-zinc-500">Why</dt>
          <dd className="text-zinc-200">
            <ul>{session.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
          </dd>
          {session.video && (
            <>
              <dt className="text-zinc-500">Video</dt>
              <dd className="text-zinc-200">
                {session.video.source_codec.toUpperCase()}
                {session.video.codec !== session.video.source_codec && ` → ${session.video.codec.toUpperCase()}`} · {session.video.width}×{session.video.height}
              </dd>
            </>
          )}
          {session.bitrate && (
            <>
              <dt className="text-zinc-500">Bitrate</dt>
              <dd className="text-zinc-200">{(session.bitrate / 1e6).toFixed(1)} Mbps (file)</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
