'use client';
// A seek bar with scrub previews: hovering or dragging shows the trickplay frame for that moment
// (sheets of 10×10 frames, one every 10 s), when the server has made them.
import { useEffect, useState } from 'react';
import { formatClock } from './format-clock';

export type Trickplay = { interval: number; width: number; height: number; columns: number; rows: number; count: number; sheets: string[] };

const PREVIEW_WIDTH = 160;


/**
 * Fetches the preview manifest. While the server is making the previews it holds the request
 * until they are ready (up to 20 s) and then answers 202 with Retry-After: ask again then, a
 * bounded number of times. A 404 (they cannot be made) or an error ends it: one request, no loop.
 */
export function useTrickplay(url: string | null): Trickplay | null {
  const [manifest, setManifest] = useState<Trickplay | null>(null);
  useEffect(() => {
    setManifest(null);
    if (!url) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const load = async (attempt: number) => {
      const res = await fetch(url, { credentials: 'same-origin' }).catch(() => null);
      if (stopped || !res) return;
      if (res.status === 200) setManifest((await res.json()) as Trickplay);
      else if (res.status === 202 && attempt < 15) {
        const wait = Math.min(60, Math.max(1, Number(res.headers.get('retry-after')) || 5));
        timer = setTimeout(() => void load(attempt + 1), wait * 1000);
      }
    };
    void load(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [url]);
  return manifest;
}

export function ScrubBar({ video, duration, trickplay, base }: { video: HTMLVideoElement | null; duration: number; trickplay: Trickplay | null; base: string }) {
  const [time, setTime] = useState(0);
  const [hover, setHover] = useState<{ t: number; x: number } | null>(null);
  useEffect(() => {
    if (!video) return;
    const on = () => setTime(video.currentTime);
    video.addEventListener('timeupdate', on);
    return () => video.removeEventListener('timeupdate', on);
  }, [video]);

  const preview = (() => {
    if (!hover || !trickplay) return null;
    const index = Math.min(trickplay.count - 1, Math.floor(hover.t / trickplay.interval));
    const perSheet = trickplay.columns * trickplay.rows;
    const sheet = trickplay.sheets[Math.floor(index / perSheet)];
    if (!sheet) return null;
    const cell = index % perSheet;
    const scale = PREVIEW_WIDTH / trickplay.width;
    const h = trickplay.height * scale;
    return {
      backgroundImage: `url(${base}/${sheet})`,
      backgroundSize: `${trickplay.columns * PREVIEW_WIDTH}px ${trickplay.rows * h}px`,
      backgroundPosition: `-${(cell % trickplay.columns) * PREVIEW_WIDTH}px -${Math.floor(cell / trickplay.columns) * h}px`,
      width: PREVIEW_WIDTH,
      height: h,
    };
  })();

  return (
    <div className="relative pt-1">
      {hover && (
        <div className="pointer-events-none absolute bottom-full mb-2 -translate-x-1/2 text-center" style={{ left: hover.x }}>
          {preview && <div data-testid="scrub-preview" className="rounded-md ring-1 ring-white/20" style={preview} />}
          <span className="mt-1 inline-block rounded bg-zinc-950/90 px-1.5 font-mono text-xs text-zinc-100">{formatClock(hover.t)}</span>
        </div>
      )}
      <input
        type="range"
        aria-label="Seek"
        min={0}
        max={duration || 0}
        step={0.1}
        value={Math.min(time, duration || 0)}
        onChange={(e) => {
          const t = Number(e.target.value);
          setTime(t);
          if (video) video.currentTime = t;
        }}
        onPointerMove={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          const x = Math.min(Math.max(e.clientX - r.left, 0), r.width);
          setHover({ t: (x / r.width) * duration, x });
        }}
        onPointerLeave={() => setHover(null)}
        className="w-full accent-accent-400"
      />
    </div>
  );
}
