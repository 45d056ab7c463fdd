// In-process signal "a job was just queued": lets this process's runner claim it at once instead of
// at its next poll. Other processes (the web app queuing a scan) still rely on the poll.
type Listener = () => void;
const listeners = new Set<Listener>();

export function onJobEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function jobEnqueued(): void {
  for (const listener of listeners) listener();
}
