// The background renditions job of a library as a bar: "Making renditions… 40 %" or "Renditions queued".
import type { ScanProgress } from '@/components/queries/use-scan-progress';

export function RenditionsProgressBar({ renditions }: { renditions: NonNullable<ScanProgress['renditions']> }) {
  const value = renditions.status === 'running' ? Math.round((renditions.progress ?? 0) * 100) : 0;
  const text = renditions.status === 'running' ? `Making renditions… ${value} %` : 'Renditions queued (background)';
  return (
    <div className="space-y-2" data-testid="renditions-progress">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="text-sm font-semibold text-zinc-100">{text}</p>
        {renditions.message && <p className="truncate text-xs text-zinc-400">{renditions.message}</p>}
      </div>
      <div
        role="progressbar"
        aria-label="Renditions progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={text}
        className={`h-1.5 overflow-hidden rounded-full bg-white/10 ${renditions.status === 'queued' ? 'animate-pulse' : ''}`}
      >
        <div className="h-full rounded-full bg-sky-400 transition-[width] duration-500 ease-out" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
