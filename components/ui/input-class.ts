// The look shared by text inputs and selects.
export const inputClass =
  'block w-full rounded-lg border border-white/10 bg-zinc-900/80 px-3 py-2 text-sm text-zinc-100 shadow-inner shadow-black/20 ' +
  'placeholder:text-zinc-500 focus:border-accent-400 focus:outline-none focus:ring-2 focus:ring-accent-400/40 ' +
  'disabled:cursor-not-allowed disabled:opacity-60 aria-[invalid=true]:border-red-500/70';
