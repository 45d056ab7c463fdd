// A titled card section; the heading names the section for assistive technology.
import { useId, type ReactNode } from 'react';

interface PanelProps {
  title: string;
  description?: ReactNode;
  tone?: 'default' | 'danger';
  children: ReactNode;
}

export function Panel({ title, description, tone = 'default', children }: PanelProps) {
  const id = useId();
  const ring = tone === 'danger' ? 'border-red-500/25' : 'border-white/10';
  return (
    <section aria-labelledby={id} className={`rounded-2xl border ${ring} bg-zinc-900/60 p-5 shadow-xl shadow-black/20 sm:p-6`}>
      <h2 id={id} className={`text-lg font-semibold ${tone === 'danger' ? 'text-red-300' : 'text-zinc-50'}`}>
        {title}
      </h2>
      {description && <p className="mt-1 text-sm text-zinc-400">{description}</p>}
      <div className="mt-5">{children}</div>
    </section>
  );
}
