// Job `subtitle.extract`: one text subtitle track (a file beside the video, or a stream inside it)
// converted to WebVTT by ffmpeg into the subtitle cache, where the web serves it from.
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { config } from '@/lib/config';
import { notify } from '@/lib/events/events';
import { defineJob } from '@/lib/jobs/define-job';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { runBinary } from '@/lib/media/run-binary';
import { subtitleConverted } from './stream-events';

export const subtitleExtractPayload = z.object({
  /** The video (embedded track) or the subtitle file (external track). */
  input: z.string().min(1),
  /** ffmpeg stream index for an embedded track. */
  streamIndex: z.number().int().min(0).optional(),
  output: z.string().min(1),
});

/** Where a track's WebVTT lives: keyed by file, track and the source's mtime (a changed file converts again). */
export async function subtitleCachePath(fileId: string, trackId: string, sourcePath: string): Promise<string> {
  const st = await stat(sourcePath);
  return join(config().paths.data, 'cache', 'subtitles', fileId, `${trackId}-${Math.floor(st.mtimeMs).toString(36)}.vtt`);
}

export function subtitleArgs(input: string, streamIndex: number | undefined, output: string): string[] {
  return [
    ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', '-i', `file:${input}`],
    ...['-map', streamIndex === undefined ? '0:s:0' : `0:${streamIndex}`, '-vn', '-an', '-c:s', 'webvtt', '-f', 'webvtt', output],
  ];
}

export const subtitleExtractJob = defineJob({
  name: 'subtitle.extract',
  schema: subtitleExtractPayload,
  dedupeKey: (p) => `subtitle:${p.output}`,
  maxAttempts: 1,
  async handle(p, ctx) {
    const { ffmpeg } = await ffmpegInfo();
    await mkdir(dirname(p.output), { recursive: true });
    const tmp = `${p.output}.tmp`;
    const result = await runBinary(ffmpeg.path, subtitleArgs(p.input, p.streamIndex, tmp), { timeoutMs: 120_000, signal: ctx.signal });
    if (result.code !== 0) {
      await rm(tmp, { force: true });
      // A marker the web turns into a clean error instead of waiting for a file that never comes.
      const reason = result.stderr.trim().split('\n').pop() || 'conversion failed';
      await writeFile(`${p.output}.failed`, reason);
      notify(subtitleConverted, { output: p.output, error: reason.slice(0, 500) });
      throw new Error(`subtitle conversion failed (exit ${result.code})`);
    }
    await rename(tmp, p.output);
    notify(subtitleConverted, { output: p.output });
    return { output: p.output };
  },
});
