'use client';
// The player's one control bar (the native controls are off, so there is one seek bar, in the
// theme's accent): play/pause, the seek bar with scrub previews, time, mute and volume, fullscreen.
import { useEffect, useState } from 'react';
import { ScrubBar, type Trickplay } from './scrub-bar-client';
import { formatClock } from './format-clock';


// Drawn, not typed: emoji and symbol glyphs depend on the fonts a machine has (a box without them).
const Icon = ({ d }: { d: string }) => (
  <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d={d} />
  </svg>
);
const ICONS = {
  play: 'M7 4l13 8-13 8z',
  pause: 'M8 4v16M16 4v16',
  sound: 'M4 9h4l5-4v14l-5-4H4zM17 9a4 4 0 010 6M19.5 6.5a8 8 0 010 11',
  muted: 'M4 9h4l5-4v14l-5-4H4zM17 9l5 6M22 9l-5 6',
  fullscreen: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
};

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
          <Icon d={paused ? ICONS.play : ICONS.pause} />
        </button>
        <span className="font-mono text-xs text-zinc-300" aria-label="Time">
          {formatClock(time)} / {formatClock(duration)}
        </span>
        <span className="flex-1" />
        <button type="button" className={button} aria-label={muted ? 'Unmute' : 'Mute'} aria-pressed={muted} onClick={() => video && (video.muted = !video.muted)}>
          <Icon d={muted || volume === 0 ? ICONS.muted : ICONS.sound} />
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
          <Icon d={ICONS.fullscreen} />
        </button>
      </div>
    </div>
  );
}
