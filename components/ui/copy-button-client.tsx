'use client';
// Copies a value to the clipboard and says so for a moment.
import { useState } from 'react';
import { Button } from './button';

export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false); // Clipboard blocked (e.g. plain http): the value stays selectable on screen.
    }
  };
  return (
    <Button variant="secondary" size="sm" onClick={copy}>
      {label}
      <span aria-live="polite" className={copied ? 'text-emerald-300' : 'sr-only'}>
        {copied ? ' ✓ Copied' : ''}
      </span>
    </Button>
  );
}
