// A library's scan state as a small pill: pulsing while queued or scanning.
import { scanStatusText, scanTone, type ScanTone } from './library-labels';

const tones: Record<ScanTone, string> = {
  busy: 'bg-accent-400/10 text-accent-300 ring-accent-400/30',
  ok: 'bg-emerald-500/10 text-emerald-300 ring-emerald-500/30',
  error: 'bg-red-500/10 text-red-300 ring-red-500/30',
  idle: 'bg-white/5 text-zinc-300 ring-white/10',
};
const dots: Record<ScanTone, string> = { busy: 'bg-accent-400 animate-pulse', ok: 'bg-emerald-400', error: 'bg-red-400', idle: 'bg-zinc-500' };

export function ScanStatusBadge({ status, progress = null, lastScanAt }: { status: string; progress?: number | null; lastScanAt: string | null }) {
  const tone = scanTone(status, lastScanAt);
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>
      <span aria-hidden className={`size-1.5 rounded-full ${dots[tone]}`} />
      {scanStatusText(status, progress, lastScanAt)}
    </span>
  );
}
