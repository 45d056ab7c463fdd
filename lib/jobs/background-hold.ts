// A process-wide "not now" for background jobs: work that needs every core for a person waiting
// (a live transcode while ffmpeg runs) holds it, and this process's runner claims no background
// job until every hold is released. Background work already running can listen and pause.
let holds = 0;
const listeners = new Set<(held: boolean) => void>();

function changed(): void {
  for (const listener of listeners) listener(holds > 0);
}

export function holdBackground(): () => void {
  holds++;
  if (holds === 1) changed();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    if (holds === 0) changed();
  };
}

export function backgroundHeld(): boolean {
  return holds > 0;
}

/** Calls `listener(held)` whenever the first hold is taken or the last released; returns the unsubscribe. */
export function onBackgroundHold(listener: (held: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
