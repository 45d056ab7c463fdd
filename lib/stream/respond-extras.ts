// The extras of a stream session: text subtitles as WebVTT (converted once by the worker, then
// cached) and the scrub previews (trickplay manifest and sheets).
import { access, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { waitFor, WaitTimeoutError } from '@/lib/events/events';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { jobQueue } from '@/lib/jobs/job-queue';
import { mediaInfoSchema } from '@/lib/media/media-info';
import { type Session, sessionFor } from './session-store';
import { subtitleConverted, trickplayMade } from './stream-events';
import { subtitleCachePath, subtitleExtractJob } from './subtitle-job';
import { SUBTITLE_NAME_PATTERN, subtitleTracks } from './subtitle-tracks';
import { readTrickplay, SHEET_PATTERN, trickplayDir, trickplayFailure } from './trickplay';

export const TRICKPLAY_MANIFEST = 'trickplay.json';
const SUBTITLE_WAIT_MS = 25_000;
const TRICKPLAY_WAIT_MS = 20_000;

const exists = (path: string) => access(path).then(() => true, () => false);

/** A text subtitle track as WebVTT, converted once by the worker and cached. */
export async function streamSubtitle(userId: string, key: string, name: string): Promise<Response> {
  const m = SUBTITLE_NAME_PATTERN.exec(name);
  if (!m) throw new ApiError('invalid_stream_path', `"${name.slice(0, 60)}" is not a subtitle name of this stream.`);
  const s = await sessionFor(userId, key);
  const info = mediaInfoSchema.parse((await db.mediaFile.findUniqueOrThrow({ where: { id: s.fileId }, select: { mediaInfo: true } })).mediaInfo);
  const track = (await subtitleTracks(s.file.path, info.subtitles)).find((t) => t.id === m[1]);
  if (!track) throw new ApiError('not_found', 'This stream has no such subtitle track.');
  if (!track.text) throw new ApiError('not_found', 'Image subtitles cannot be sent as text; start the stream with burn_subtitle instead.');
  const source = track.path ?? s.file.path;
  const output = await subtitleCachePath(s.fileId, track.id, source);
  if (!(await exists(output))) {
    await rm(`${output}.failed`, { force: true });
    await jobQueue().enqueue(subtitleExtractJob, { input: source, streamIndex: track.streamIndex, output });
    try {
      await waitFor(
        subtitleConverted,
        async (event) => {
          if (event && event.output !== output) return false;
          // The `.failed` marker is the durable record of a failure (an event can be missed).
          const failed = event?.error ?? (await readFile(`${output}.failed`, 'utf8').catch(() => null));
          if (failed !== null && failed !== undefined) throw new ApiError('stream_failed', `The subtitle track could not be converted: ${failed.slice(0, 200)}`);
          return exists(output);
        },
        { timeoutMs: SUBTITLE_WAIT_MS, what: 'the subtitle track' },
      );
    } catch (err) {
      if (err instanceof WaitTimeoutError) throw new ApiError('segment_timeout', 'The subtitle track was not ready in time; retry.');
      throw err;
    }
  }
  return new Response(await readFile(output), { headers: { 'Content-Type': 'text/vtt; charset=utf-8', 'Cache-Control': 'private, max-age=3600' } });
}

/**
 * The scrub-preview manifest, with sheet URLs under the session. While the worker makes the
 * previews the request waits for them (event `trickplay.made`) up to TRICKPLAY_WAIT_MS, then says
 * 202 pending with Retry-After; only previews that could not be made are a 404 — so a player asks
 * a few times at most, and never gets an error for something that is on its way.
 */
export async function trickplayManifestResponse(s: Session, key: string): Promise<Response> {
  const look = async () => {
    const manifest = await readTrickplay(s.fileId);
    if (manifest) return { manifest, failed: null };
    const failed = await trickplayFailure(s.fileId);
    return failed === null ? null : { manifest: null, failed };
  };
  const found = await waitFor(trickplayMade, async (e) => (e && e.fileId !== s.fileId ? null : look()), { timeoutMs: TRICKPLAY_WAIT_MS, fallbackMs: 5_000 }).catch((err) => {
    if (err instanceof WaitTimeoutError) return null;
    throw err;
  });
  if (!found) return Response.json({ status: 'pending' }, { status: 202, headers: { 'Retry-After': '5', 'Cache-Control': 'no-store' } });
  if (!found.manifest) throw new ApiError('not_found', `Scrub previews could not be made for this file: ${(found.failed ?? '').slice(0, 200)}`);
  const { manifest } = found;
  return Response.json({ ...manifest, sheets: manifest.sheets.map((n) => `${key}/trickplay/${n}`) }, { headers: { 'Cache-Control': 'private, max-age=3600' } });
}

/** One trickplay sheet (JPEG) of the session's file. */
export async function streamTrickplaySheet(userId: string, key: string, name: string): Promise<Response> {
  if (!SHEET_PATTERN.test(name)) throw new ApiError('invalid_stream_path', `"${name.slice(0, 60)}" is not a preview sheet name.`);
  const s = await sessionFor(userId, key);
  const manifest = await readTrickplay(s.fileId);
  if (!manifest?.sheets.includes(name)) throw new ApiError('not_found', 'No such preview sheet.');
  return new Response(await readFile(join(trickplayDir(s.fileId), name)), { headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=31536000, immutable' } });
}
