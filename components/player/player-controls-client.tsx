'use client';
// The player's one control bar (the native controls are off, so there is one seek bar, in the
// theme's accent): play/pause, the seek bar with scrub previews, time, mute and volume, fullscreen.
import { useEffect, useState } from 'react';
import { ScrubBar, type Trickplay } from './scrub-bar-client';

function clock(secs: number): string {
  const s = Math.max(0, Math.floor(secs));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

const button = 'grid h-9 min-w-9 place-items-center rounded-lg px-2 text-sm font-semibold text-zinc-100 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-accent-400';

export function PlayerControls({ video, duration, trickplay }: { video: HTMLVideoElement | null; duration: number; trickplay: Trickplay | null }) {
  const [paused, setPaused] = useState(true);
  const [time, setTime] = useState(0);
  const [muted, setMuted] = useState(false);
  const [volume, setVolume] = useState(1);
  useEffect(() => {
    if (!video) return;
    const sync = () => {
      setPaused(video.paused);
      setTime(video.currentTime);
      setMuted(video.muted);
      setVolume(video.volume);
    };
    const events = ['play', 'pause', 'timeupdate', 'volumechange', 'loadedmetadata'] as const;
    for (const e of events) video.addEventListener(e, sync);
    sync();
    return () => {
      for (const e of events) video.removeEventListener(e, sync);
    };
  }, [video]);

  return (
    <div className="space-y-1 rounded-xl bg-zinc-900/80 px-3 py-2" data-testid="player-controls">
      <ScrubBar video={video} duration={duration} trickplay={trickplay} base="/api/v1/stream-session" />
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={button} aria-label={paused ? 'Play' : 'Pause'} onClick={() => (video?.paused ? void video.play().catch(() => undefined) : video?.pause())}>
          {paused ? '▶' : '❚❚'}
        </button>
        <span className="font-mono text-xs text-zinc-300" aria-label="Time">
          {clock(time)} / {clock(duration)}
        </span>
        <span className="flex-1" />
        <button type="button" className={button} aria-label={muted ? 'Unmute' : 'Mute'} aria-pressed={muted} onClick={() => video && (video.muted = !video.muted)}>
          {muted || volume === 0 ? '🔇' : '🔊'}
        </button>
        <input
          type="range"
          aria-label="Volume"
          min={0}
          max={1}
          step={0.05}
          value={muted ? 0 : volume}
          onChange={(e) => {
            if (!video) return;
            video.volume = Number(e.target.value);
            video.muted = video.volume === 0;
          }}
          className="w-24 accent-accent-400"
        />
        <button
          type="button"
          className={button}
          aria-label="Full screen"
          onClick={() => (document.fullscreenElement ? void document.exitFullscreen() : void video?.parentElement?.requestFullscreen().catch(() => undefined))}
        >
          ⛶
        </button>
      </div>
    </div>
  );
}
