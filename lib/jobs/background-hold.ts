// A process-wide "not now" for background jobs: work that needs every core for a person waiting
// (a live transcode while ffmpeg runs) holds it, and this process's runner claims no background
// job until every hold is released.
let holds = 0;

export function holdBackground(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
  };
}

export function backgroundHeld(): boolean {
  return holds > 0;
}
