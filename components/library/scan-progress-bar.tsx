// A library's scan as a bar and a status line ("Scanning… 40 %", "Queued", "Up to date").
import type { ScanProgress } from '@/components/queries/use-scan-progress';
import { scanStatusText, scanTone } from './library-labels';

/** 0–100 for the bar: the job's fraction while scanning, full once a scan has finished. */
function percent(p: ScanProgress): number {
  if (p.status === 'scanning') return Math.round((p.progress ?? 0) * 100);
  if (p.status === 'queued') return 0;
  return p.last_scan_at ? 100 : 0;
}

const barTone = { busy: 'bg-accent-400', ok: 'bg-emerald-400', error: 'bg-red-400', idle: 'bg-zinc-600' } as const;

export function ScanProgressBar({ progress }: { progress: ScanProgress }) {
  const text = scanStatusText(progress.status, progress.progress, progress.last_scan_at);
  const tone = scanTone(progress.status, progress.last_scan_at);
  const value = percent(progress);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p data-testid="scan-status" className={`text-sm font-semibold ${tone === 'error' ? 'text-red-300' : tone === 'busy' ? 'text-accent-300' : 'text-zinc-100'}`}>
          {text}
        </p>
        {progress.message && tone === 'busy' && <p className="truncate text-xs text-zinc-400">{progress.message}</p>}
        {/* Announces phase changes only, not every percent. */}
        <p aria-live="polite" className="sr-only">
          {scanStatusText(progress.status, null, progress.last_scan_at)}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label="Scan progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={text}
        className={`h-2 overflow-hidden rounded-full bg-white/10 ${progress.status === 'queued' ? 'animate-pulse' : ''}`}
      >
        {/* A new element per run, so a new scan starts from its own width instead of sliding back from 100 %. */}
        <div key={tone === 'busy' ? 'run' : 'rest'} className={`h-full rounded-full transition-[width] duration-500 ease-out ${barTone[tone]}`} style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
