// The app's buttons. While `pending`, a button is disabled and busy but keeps its label.
import type { ButtonHTMLAttributes } from 'react';

const variants = {
  primary: 'bg-accent-400 text-zinc-950 hover:bg-accent-300 shadow-sm shadow-accent-500/20',
  secondary: 'bg-white/5 text-zinc-100 ring-1 ring-inset ring-white/10 hover:bg-white/10',
  danger: 'bg-red-500/10 text-red-300 ring-1 ring-inset ring-red-500/30 hover:bg-red-500/20',
  ghost: 'text-zinc-300 hover:bg-white/5 hover:text-zinc-100',
} as const;

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof variants;
  size?: 'sm' | 'md';
  pending?: boolean;
}

export function Button({ variant = 'primary', size = 'md', pending, disabled, className = '', type = 'button', children, ...rest }: ButtonProps) {
  const sizing = size === 'sm' ? 'px-2.5 py-1.5 text-xs' : 'px-4 py-2 text-sm';
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={`inline-flex items-center justify-center gap-2 rounded-lg font-semibold transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-400 disabled:cursor-not-allowed disabled:opacity-60 ${sizing} ${variants[variant]} ${className}`}
      {...rest}
    >
      {pending && <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" />}
      {children}
    </button>
  );
}
