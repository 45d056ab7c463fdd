// An inline message: errors are announced at once (role=alert), other notices politely (role=status).
// Next's route announcer is also role=alert, hence the test id on errors.
import type { ReactNode } from 'react';

const tones = {
  error: 'border-red-500/30 bg-red-500/10 text-red-200',
  success: 'border-emerald-500/30 bg-emerald-500/10 text-emerald-200',
  info: 'border-white/10 bg-white/5 text-zinc-300',
} as const;

export function Alert({ tone = 'info', children, className = '' }: { tone?: keyof typeof tones; children: ReactNode; className?: string }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} data-testid={tone === 'error' ? 'form-error' : undefined} className={`rounded-lg border px-3 py-2 text-sm ${tones[tone]} ${className}`}>
      {children}
    </div>
  );
}
