// media.renditions: for every library with a ladder, the files that lack their renditions get them,
// one rung after another, written as HLS under RENDITIONS_DIR/<fileId>/ (a temp folder renamed into
// place when the master playlist is complete, so a half-made ladder is never served). Background
// work: ffmpeg runs at the lowest CPU priority and is paused while a live transcode holds the CPU.
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { db } from '@/lib/db';
import { onBackgroundHold, backgroundHeld } from '@/lib/jobs/background-hold';
import { defineJob, type JobContext } from '@/lib/jobs/define-job';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { startFfmpeg } from '@/lib/media/ffmpeg-process';
import { mediaInfoSchema } from '@/lib/media/media-info';
import { removeRenditions, renditionsDir } from '@/lib/media/rendition-files';
import { MASTER_PLAYLIST, renditionMaster, rungArgs, rungsFor } from '@/lib/media/renditions';

export { renditionsDir };

/** True when the file's ladder is complete (its master playlist is in place). */
export async function renditionsReady(fileId: string): Promise<boolean> {
  return stat(join(renditionsDir(fileId), MASTER_PLAYLIST)).then((s) => s.isFile(), () => false);
}

async function runRung(ffmpegPath: string, args: string[], signal: AbortSignal): Promise<void> {
  const proc = startFfmpeg(ffmpegPath, args);
  if (proc.pid) setPriority(proc.pid, 19);
  // A live transcode wins the CPU: stop this ffmpeg while one runs, go on when it ends.
  const apply = (held: boolean) => (held ? proc.pause() : proc.resume());
  const unsubscribe = onBackgroundHold(apply);
  if (backgroundHeld()) proc.pause();
  const onAbort = () => void proc.stop();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const exit = await proc.done;
    if (signal.aborted) throw signal.reason;
    if (exit.code !== 0) throw new Error(`ffmpeg failed making a rendition (exit ${exit.code ?? exit.signal}): ${exit.stderr.trim().split('\n').slice(-2).join(' ')}`);
  } finally {
    unsubscribe();
    signal.removeEventListener('abort', onAbort);
  }
}

async function makeLadder(file: { id: string; path: string; info: z.infer<typeof mediaInfoSchema> }, ladder: string, ctx: JobContext, share: { done: number; total: number }): Promise<boolean> {
  const video = file.info.video[0];
  if (!video) return false;
  const rungs = rungsFor(ladder, video);
  if (rungs.length === 0) return false;
  const hasAudio = file.info.audio.length > 0;
  const { ffmpeg } = await ffmpegInfo();
  const final = renditionsDir(file.id);
  const temp = `${final}.part`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  try {
    for (const [i, rung] of rungs.entries()) {
      await ctx.progress((share.done + i / rungs.length) / share.total, `${file.path.split('/').at(-1)}: ${rung.height}p`);
      await runRung(ffmpeg.path, rungArgs(file.path, temp, rung, hasAudio), ctx.signal);
    }
    await writeFile(join(temp, MASTER_PLAYLIST), renditionMaster(rungs, hasAudio));
    await rm(final, { recursive: true, force: true });
    await rename(temp, final);
    // The file (or its library, or the library's ladder) may have gone while ffmpeg ran: then its
    // removal found nothing to remove yet, and this ladder would be left behind.
    if (!(await stillWanted(file.id))) {
      await removeRenditions([file.id]);
      return false;
    }
    return true;
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}

async function stillWanted(fileId: string): Promise<boolean> {
  return (await db.mediaFile.count({ where: { id: fileId, library: { renditionLadder: { not: 'off' } } } })) > 0;
}

export const renditionsJob = defineJob({
  name: 'media.renditions',
  schema: z.object({ libraryId: z.string().optional() }),
  background: true,
  maxAttempts: 2,
  dedupeKey: (p) => `renditions:${p.libraryId ?? 'all'}`,
  async handle(payload, ctx) {
    const libraries = await db.library.findMany({
      where: { renditionLadder: { not: 'off' }, ...(payload.libraryId ? { id: payload.libraryId } : {}) },
      select: { id: true, renditionLadder: true },
    });
    const todo: { id: string; path: string; info: z.infer<typeof mediaInfoSchema>; ladder: string }[] = [];
    for (const lib of libraries) {
      const files = await db.mediaFile.findMany({ where: { libraryId: lib.id, status: 'ok', mediaInfo: { not: null as never } }, select: { id: true, path: true, mediaInfo: true }, orderBy: { id: 'asc' } });
      for (const f of files) {
        const info = mediaInfoSchema.safeParse(f.mediaInfo);
        if (info.success && info.data.video.length > 0 && !(await renditionsReady(f.id))) todo.push({ id: f.id, path: f.path, info: info.data, ladder: lib.renditionLadder });
      }
    }
    let made = 0;
    const share = { done: 0, total: Math.max(1, todo.length) };
    for (const file of todo) {
      if (await makeLadder(file, file.ladder, ctx, share)) made++;
      share.done++;
    }
    await ctx.progress(1, `${made} file${made === 1 ? '' : 's'} with renditions`);
    return { files: todo.length, made };
  },
});
