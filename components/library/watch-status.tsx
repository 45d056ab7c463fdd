// Whether the library's folder is watched for changes; when watching failed, the reason (often a sysctl hint).
export function WatchStatus({ status }: { status: string | null }) {
  if (status === null) return <p className="text-xs text-zinc-500">Not watching the folder for changes yet.</p>;
  if (status === 'watching') {
    return (
      <p className="flex items-center gap-1.5 text-xs text-zinc-400">
        <span aria-hidden className="size-1.5 rounded-full bg-emerald-400" />
        Watching the folder for changes
      </p>
    );
  }
  return (
    <div className="rounded-lg border border-amber-500/30 bg-amber-500/10 px-3 py-2 text-sm text-amber-200">
      <p className="font-semibold">Not watching the folder for changes</p>
      <p className="mt-0.5 whitespace-pre-line break-words text-amber-200/80">{status}</p>
    </div>
  );
}
