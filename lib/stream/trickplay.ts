// Trickplay: scrub previews for the player's seek bar — one 320 px frame every 10 s, tiled 10×10
// into JPEG sheets by ffmpeg in the background (job `trickplay.file`, queued the first time a file
// is played), kept under DATA_DIR/trickplay/<file id>/ with a manifest the player reads.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { defineJob } from '@/lib/jobs/define-job';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { mediaInfoSchema } from '@/lib/media/media-info';
import { runBinary } from '@/lib/media/run-binary';
import { notify } from '@/lib/events/events';
import { trickplayMade } from './stream-events';

export const TRICKPLAY = { interval: 10, width: 320, columns: 10, rows: 10 } as const;
export const SHEET_PATTERN = /^sheet-(\d{3})\.jpg$/;

export const trickplayManifestSchema = z.object({
  interval: z.number(),
  width: z.number(),
  height: z.number(),
  columns: z.number(),
  rows: z.number(),
  count: z.number().describe('Frames in all sheets'),
  sheets: z.array(z.string()),
});
export type TrickplayManifest = z.infer<typeof trickplayManifestSchema>;

export function trickplayDir(fileId: string): string {
  return join(config().paths.data, 'trickplay', fileId);
}

/** Frame height for the preview width, even, from the source's display size. */
export function trickplayHeight(width: number, height: number): number {
  return Math.max(2, Math.round((TRICKPLAY.width * height) / width / 2) * 2);
}

export function trickplayArgs(input: string, outDir: string, height: number): string[] {
  const { interval, width, columns, rows } = TRICKPLAY;
  return [
    ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'],
    // Keyframes only: decoding every frame of a film for one picture in 240 would cost minutes.
    ...['-skip_frame', 'nokey', '-i', `file:${input}`, '-map', '0:V:0', '-an', '-sn', '-dn'],
    // `round=down`: frame i is the last keyframe at or before i × interval. `eof_action=pass`: a file
    // shorter than the interval (or with one keyframe) still gives its first frame — without it
    // every ffmpeg build made no sheet at all. No `-fps_mode` (ffmpeg ≥ 5.1 only; the 2018 build
    // bundled from npm stops on it): the fps filter already spaces the frames.
    ...['-vf', `fps=fps=1/${interval}:round=down:eof_action=pass,scale=${width}:${height},tile=${columns}x${rows}`, '-q:v', '5'],
    join(outDir, 'sheet-%03d.jpg'),
  ];
}

/** Why the previews of a file could not be made, when they could not (a marker beside their folder). */
export async function trickplayFailure(fileId: string): Promise<string | null> {
  return readFile(`${trickplayDir(fileId)}.failed`, 'utf8').catch(() => null);
}

export async function readTrickplay(fileId: string): Promise<TrickplayManifest | null> {
  const text = await readFile(join(trickplayDir(fileId), 'manifest.json'), 'utf8').catch(() => null);
  if (!text) return null;
  const parsed = trickplayManifestSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

export const trickplayJob = defineJob({
  name: 'trickplay.file',
  schema: z.object({ fileId: z.string().min(1) }),
  dedupeKey: (p) => `trickplay:${p.fileId}`,
  maxAttempts: 1,
  background: true,
  async handle({ fileId }, ctx) {
    if (await readTrickplay(fileId)) return { skipped: 'exists' };
    const file = await db.mediaFile.findUnique({ where: { id: fileId }, select: { path: true, mediaInfo: true } });
    const parsed = mediaInfoSchema.safeParse(file?.mediaInfo);
    const info = parsed.success ? parsed.data : null;
    const video = info?.video[0];
    if (!file || !info || !video || !info.duration) return { skipped: 'no video' };
    const height = trickplayHeight(video.width, video.height);
    const { path } = file;
    const { duration } = info;
    const final = trickplayDir(fileId);
    const tmp = `${final}.tmp-${process.pid}`;
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
    try {
      const made = await makeSheets();
      await rm(`${final}.failed`, { force: true });
      notify(trickplayMade, { fileId, ok: true });
      return made;
    } catch (err) {
      if (ctx.signal.aborted) throw err; // the worker is stopping: not the file's fault
      // Recorded, so the player is told once (404) instead of waiting for previews that never come.
      await writeFile(`${final}.failed`, err instanceof Error ? err.message : String(err)).catch(() => undefined);
      notify(trickplayMade, { fileId, ok: false });
      throw err;
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }

    async function makeSheets() {
      const { ffmpeg } = await ffmpegInfo();
      const result = await runBinary(ffmpeg.path, trickplayArgs(path, tmp, height), { timeoutMs: 30 * 60_000, signal: ctx.signal });
      if (result.code !== 0) throw new Error(`ffmpeg could not make previews: ${result.stderr.trim().split('\n').pop() ?? result.code}`);
      const sheets = (await readdir(tmp)).filter((n) => SHEET_PATTERN.test(n)).sort();
      if (sheets.length === 0) throw new Error('ffmpeg made no preview sheets');
      const perSheet = TRICKPLAY.columns * TRICKPLAY.rows;
      const count = Math.min(Math.ceil(duration / TRICKPLAY.interval), sheets.length * perSheet);
      const manifest: TrickplayManifest = { ...TRICKPLAY, height, count, sheets };
      await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest));
      await rm(final, { recursive: true, force: true });
      await mkdir(join(final, '..'), { recursive: true });
      await rename(tmp, final);
      return { sheets: sheets.length, count };
    }
  },
});
