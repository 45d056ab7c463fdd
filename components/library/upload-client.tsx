'use client';
// Upload a video into this library (tus, resumable): a progress bar with speed and time left.
// A network drop is retried from the server's offset (while the browser knows it is offline, the
// upload waits for it to be back online rather than spend its retries); after a page reload, choosing
// the same file again resumes it (tus-js-client remembers the upload URL by the file's fingerprint).
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { DetailedError, Upload } from 'tus-js-client';
import { libraryMediaKeys } from '@/components/queries/use-library-media';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

type Progress = { sent: number; total: number; bytesPerSecond: number | null; resumedFrom: number; offline?: boolean };
type State = { phase: 'idle' } | { phase: 'uploading'; progress: Progress } | { phase: 'done'; name: string } | { phase: 'error'; message: string };

const ACCEPT = 'video/*,.mkv,.m2ts,.mts,.ts,.webm,.avi,.wmv,.flv,.ogv,.mov,.m4v,.mp4,.mpg,.mpeg';

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${Math.max(1, Math.round(n / 1024))} KiB`;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Our API's error message from a tus failure, else the client's own. */
function uploadError(err: Error): string {
  if (err instanceof DetailedError && err.originalResponse) {
    try {
      const body = JSON.parse(err.originalResponse.getBody()) as { error?: { message?: string } };
      if (body.error?.message) return body.error.message;
    } catch {
      /* not our JSON */
    }
    return `The upload failed (HTTP ${err.originalResponse.getStatus()}).`;
  }
  return err.message || 'The upload failed.';
}

export function UploadVideo({ libraryId }: { libraryId: string }) {
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const upload = useRef<Upload | null>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });

  function start(file: File) {
    // Speed over the last few seconds: a sliding window of (time, bytes) samples.
    const samples: { t: number; bytes: number }[] = [];
    let resumedFrom = 0;
    const tus = new Upload(file, {
      endpoint: '/api/v1/uploads',
      metadata: { filename: file.name, filetype: file.type, library_id: libraryId },
      chunkSize: 32 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10_000, 20_000, 30_000],
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress(sent, total) {
        const now = performance.now();
        samples.push({ t: now, bytes: sent });
        while (samples.length > 2 && now - samples[0].t > 5000) samples.shift();
        const first = samples[0];
        const bytesPerSecond = now - first.t > 300 ? ((sent - first.bytes) * 1000) / (now - first.t) : null;
        setState({ phase: 'uploading', progress: { sent, total, bytesPerSecond, resumedFrom } });
      },
      onSuccess() {
        upload.current = null;
        setState({ phase: 'done', name: file.name });
        void qc.invalidateQueries({ queryKey: libraryMediaKeys.library(libraryId) });
      },
      onError(err) {
        // tus-js-client does not retry while the browser says it is offline: go on once it is back.
        if (!navigator.onLine && upload.current === tus) {
          setState((st) => (st.phase === 'uploading' ? { phase: 'uploading', progress: { ...st.progress, bytesPerSecond: null, offline: true } } : st));
          window.addEventListener(
            'online',
            () => {
              if (upload.current !== tus) return;
              setState((st) => (st.phase === 'uploading' ? { phase: 'uploading', progress: { ...st.progress, offline: false } } : st));
              tus.start();
            },
            { once: true },
          );
          return;
        }
        upload.current = null;
        setState({ phase: 'error', message: uploadError(err) });
      },
    });
    upload.current = tus;
    setState({ phase: 'uploading', progress: { sent: 0, total: file.size, bytesPerSecond: null, resumedFrom: 0 } });
    void tus.findPreviousUploads().then((previous) => {
      const last = previous.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
      if (last) {
        tus.resumeFromPreviousUpload(last);
        resumedFrom = 1;
      }
      tus.start();
    });
  }

  function cancel() {
    // true: also delete the partial data on the server.
    void upload.current?.abort(true);
    upload.current = null;
    setState({ phase: 'idle' });
  }

  const p = state.phase === 'uploading' ? state.progress : null;
  const percent = p && p.total > 0 ? Math.floor((p.sent / p.total) * 100) : 0;
  const eta = p?.bytesPerSecond ? (p.total - p.sent) / p.bytesPerSecond : Number.NaN;
  return (
    <section aria-labelledby="upload-heading" className="space-y-3 rounded-2xl border border-white/10 bg-zinc-900/60 p-5 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="upload-heading" className="text-lg font-semibold text-zinc-50">
          Upload a video
        </h2>
        <div className="flex gap-2">
          <input
            ref={input}
            id="upload-file"
            type="file"
            accept={ACCEPT}
            className="sr-only"
            aria-label="Video file to upload"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) start(file);
            }}
          />
          {state.phase === 'uploading' ? (
            <Button variant="danger" onClick={cancel}>
              Cancel upload
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => input.current?.click()}>
              Choose a video…
            </Button>
          )}
        </div>
      </div>
      <p className="text-xs text-zinc-500">The file goes into this library’s first folder and is scanned like any other. An interrupted upload resumes: choose the same file again.</p>
      {p && (
        <div className="space-y-2" data-testid="upload-progress">
          <div
            role="progressbar"
            aria-label="Upload progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 overflow-hidden rounded-full bg-white/10"
          >
            <div className="h-full rounded-full bg-accent-400 transition-[width] duration-300" style={{ width: `${percent}%` }} />
          </div>
          <p className="flex flex-wrap gap-x-4 text-xs text-zinc-400">
            <span>
              {percent} % · {formatBytes(p.sent)} of {formatBytes(p.total)}
            </span>
            <span data-testid="upload-speed">{p.bytesPerSecond ? `${formatBytes(p.bytesPerSecond)}/s` : 'measuring speed…'}</span>
            <span data-testid="upload-eta">{Number.isFinite(eta) ? `${formatDuration(eta)} left` : ''}</span>
            {p.resumedFrom > 0 && <span>resumed</span>}
            {p.offline && <span role="status">Offline: the upload goes on when the connection is back.</span>}
          </p>
        </div>
      )}
      {state.phase === 'done' && <Alert tone="success">Uploaded “{state.name}”: it appears here once the scan has read it.</Alert>}
      {state.phase === 'error' && <Alert tone="error">{state.message}</Alert>}
    </section>
  );
}
