// What happens to a complete upload: ffprobe must read it as a video, then it moves into the
// library's first folder under its safe name (never over an existing file), and a scan is queued.
import { constants } from 'node:fs';
import { copyFile, link, statfs, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { jobQueue } from '@/lib/jobs/job-queue';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { probeFile, ProbeError } from '@/lib/media/probe';
import { scanLibraryJob } from '@/lib/scan/scan-library-job';

/** The folder uploads into a library land in: its first folder (the oldest). */
export async function uploadFolderOf(libraryId: string): Promise<string> {
  const folder = await db.libraryFolder.findFirst({ where: { libraryId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { path: true } });
  if (!folder) throw new ApiError('not_found', 'No such library.');
  return folder.path;
}

/** Refuses when `folder`'s file system has less than `bytes` free (plus a little headroom). */
export async function assertFreeSpace(folder: string, bytes: number, what: string): Promise<void> {
  const fs = await statfs(folder);
  const free = fs.bavail * fs.bsize;
  const headroom = 64 * 1024 * 1024;
  if (free < bytes + headroom) {
    throw new ApiError('insufficient_storage', `${what} has ${Math.floor(free / 1048576)} MiB free; this upload needs ${Math.ceil((bytes + headroom) / 1048576)} MiB.`);
  }
}

/** Probes the finished upload at `partPath`; throws not_a_video (the caller deletes the file). */
export async function assertVideo(partPath: string): Promise<void> {
  const { ffprobe } = await ffmpegInfo();
  try {
    const info = await probeFile(partPath, { ffprobePath: ffprobe.path, timeoutMs: 60_000 });
    const video = info.video[0];
    if (!video) throw new ApiError('not_a_video', 'The file has no video stream; it was deleted.');
    if (!(info.duration && info.duration > 0)) throw new ApiError('not_a_video', 'The video has no readable duration (truncated?); it was deleted.');
  } catch (err) {
    if (err instanceof ProbeError) throw new ApiError('not_a_video', `The file is not a readable video (${err.message}); it was deleted.`);
    throw err;
  }
}

/** Moves the part file to `folder/name` without ever replacing a file there; returns the new path. */
export async function placeInLibrary(partPath: string, folder: string, name: string): Promise<string> {
  const target = join(folder, name);
  try {
    // A hard link fails with EEXIST instead of replacing, atomically; the part is unlinked after.
    await link(partPath, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ApiError('file_exists', `"${name}" is already in the library; nothing was overwritten. Rename the file and upload it again.`);
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw err;
    // Another file system: copy (refusing to replace), removing a half copy if the copy fails.
    try {
      await copyFile(partPath, target, constants.COPYFILE_EXCL);
    } catch (copyErr) {
      if ((copyErr as NodeJS.ErrnoException).code === 'EEXIST') throw new ApiError('file_exists', `"${name}" is already in the library; nothing was overwritten.`);
      await unlink(target).catch(() => undefined);
      throw copyErr;
    }
  }
  return target;
}

export async function queueLibraryScan(libraryId: string): Promise<void> {
  await jobQueue().enqueue(scanLibraryJob, { libraryId, force: false });
}
