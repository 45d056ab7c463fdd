// "Versions": every file of an item with its facts — video, audio, subtitles, container, length,
// size, bitrate — and, for admins, where it lives on disk.
import type { MediaFile } from '@/components/queries/use-media';
import { asMediaInfo, audioSummary, formatBitrate, formatDuration, formatSize, resolutionLabel, subtitleSummary, videoDetail, videoSummary } from './describe-media-info';
import { MissingBadge } from './missing-badge';

export function MediaVersions({ files, isAdmin }: { files: MediaFile[]; isAdmin: boolean }) {
  return (
    <section aria-labelledby="versions-heading" className="space-y-4">
      <h2 id="versions-heading" className="text-lg font-semibold text-zinc-50">
        Versions <span className="ml-1 text-sm font-normal text-zinc-500">{files.length}</span>
      </h2>
      {files.length === 0 ? (
        <p className="text-sm text-zinc-400">No files.</p>
      ) : (
        <ol className="space-y-4">
          {files.map((f, i) => (
            <li key={f.id}>
              <FileFacts file={f} label={files.length > 1 ? `Version ${i + 1}` : null} isAdmin={isAdmin} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function FileFacts({ file, label, isAdmin }: { file: MediaFile; label: string | null; isAdmin: boolean }) {
  const info = asMediaInfo(file.media_info);
  const v = info?.video[0];
  const title = [label, v ? `${resolutionLabel(v.width, v.height)}` : null, info ? info.container.toUpperCase() : null].filter(Boolean).join(' · ') || 'File';
  const rows: { label: string; values: { main: string; detail?: string }[] }[] = info
    ? [
        { label: 'Video', values: info.video.map((s) => ({ main: videoSummary(s), detail: videoDetail(s) })) },
        { label: 'Audio', values: info.audio.map((s) => ({ main: audioSummary(s) })) },
        { label: 'Subtitles', values: info.subtitles.map((s) => ({ main: subtitleSummary(s) })) },
        { label: 'Container', values: [{ main: info.container.toUpperCase() }] },
        { label: 'Duration', values: [{ main: formatDuration(info.duration) ?? 'Unknown' }] },
        { label: 'Size', values: [{ main: formatSize(info.size ?? file.size) ?? 'Unknown' }] },
        { label: 'Bitrate', values: info.bitrate ? [{ main: formatBitrate(info.bitrate) }] : [] },
      ]
    : [{ label: 'Size', values: [{ main: formatSize(file.size) ?? 'Unknown' }] }];

  return (
    <article className="overflow-hidden rounded-2xl border border-white/10 bg-zinc-900/60 shadow-xl shadow-black/20">
      <header className="flex flex-wrap items-center gap-2 border-b border-white/5 bg-white/[0.02] px-5 py-3">
        <h3 className="text-sm font-semibold text-zinc-100">{title}</h3>
        {file.status === 'missing' && <MissingBadge />}
      </header>
      <div className="px-5 py-4">
        {!info && (
          <p className="mb-3 text-sm text-zinc-400">
            {file.probe_error ? `Could not read this file${isAdmin ? `: ${file.probe_error}` : '.'}` : 'Not read yet: its facts appear after the next scan.'}
          </p>
        )}
        <table className="w-full text-left text-sm">
          <tbody className="divide-y divide-white/5">
            {rows.map((r) => (
              <tr key={r.label} className="align-top">
                <th scope="row" className="w-28 py-2 pr-4 font-medium text-zinc-500">
                  {r.label}
                </th>
                <td className="py-2 text-zinc-200">
                  {r.values.length === 0 ? (
                    <span className="text-zinc-500">None</span>
                  ) : (
                    <ul className="space-y-1">
                      {r.values.map((val, i) => (
                        <li key={i}>
                          {val.main}
                          {val.detail && <span className="ml-2 text-xs text-zinc-500">{val.detail}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
            {isAdmin && (
              <tr className="align-top">
                <th scope="row" className="w-28 py-2 pr-4 font-medium text-zinc-500">
                  Path
                </th>
                <td className="break-all py-2 font-mono text-xs leading-5 text-zinc-300">{file.path}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </article>
  );
}
