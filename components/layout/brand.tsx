// The Marquee wordmark: a ticket-shaped mark with a play triangle, and the name.
export function Brand({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const box = size === 'lg' ? 'size-10' : 'size-8';
  const text = size === 'lg' ? 'text-2xl' : 'text-lg';
  return (
    <span className="inline-flex items-center gap-2.5">
      <svg viewBox="0 0 32 32" aria-hidden className={`${box} shrink-0`}>
        <rect x="1" y="1" width="30" height="30" rx="8" className="fill-accent-400" />
        <path d="M13 10.5v11l9-5.5z" className="fill-zinc-950" />
      </svg>
      <span className={`${text} font-bold tracking-tight text-zinc-50`}>Marquee</span>
    </span>
  );
}
