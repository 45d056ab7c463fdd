// Turns artwork candidates into stored WebP variants and an image key. The key's hash names the
// source (an artwork file's or a video's path + size + mtime, and the grab's time and width), so
// when the stored key already names the first usable source, nothing is read, grabbed or resized.
import { createHash } from 'node:crypto';
import { FrameGrabError } from '@/lib/media/frame-grab';
import { formatImageKey, parseImageKey } from '@/lib/media/image-key';
import { InvalidImageError, type ImageKind, type ImageVariant, type StoredVariant } from '@/lib/media/image-variants';
import type { ArtSource } from './item-artwork';

/** Frames are grabbed this wide at most (the sources are not upscaled): enough for a backdrop. */
export const FRAME_WIDTH = 1280;

export interface ArtworkDeps {
  /** Size and mtime of a file; null when it is gone. */
  stat(path: string): Promise<{ size: number; mtimeMs: number } | null>;
  readFile(path: string): Promise<Buffer>;
  /** A JPEG still (grabFrame); throws FrameGrabError when there is none. */
  grabFrame(path: string, atSeconds: number, width: number): Promise<Buffer>;
  makeVariants(input: Buffer, kind: ImageKind): Promise<ImageVariant[]>;
  storeVariants(hash: string, variants: readonly ImageVariant[]): Promise<StoredVariant[]>;
  /** Is `<hash>-<width>.webp` in the image store? */
  variantExists(hash: string, width: number): Promise<boolean>;
}

export type ArtworkStats = { made: number; kept: number; frames: number; failures: string[] };

export interface ArtworkStore {
  /**
   * The key for the first candidate that yields a picture: `current` when it already names that
   * source (and its files exist), else a new one. null when no candidate works (keep what is there).
   */
  ensure(candidates: readonly ArtSource[], kind: ImageKind, current: string | null): Promise<string | null>;
  stats: ArtworkStats;
}

function digest(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

/** The source's hash, or null when its file is gone. */
export async function sourceHash(source: ArtSource, deps: Pick<ArtworkDeps, 'stat'>): Promise<string | null> {
  if (source.type === 'frame') {
    const v = source.video;
    return digest('frame-v1', v.path, v.size, v.mtimeMs, source.at.toFixed(3), FRAME_WIDTH);
  }
  if (source.type === 'remote') return digest('remote-v1', source.key);
  const info = await deps.stat(source.path);
  return info ? digest('file-v1', source.path, info.size, Math.trunc(info.mtimeMs)) : null;
}

/** A picture an online provider would not give us (gone, refused, unreachable). */
export class RemoteImageError extends Error {}

/** A candidate that did not work out: a bad image, no frame, a file gone between listing and reading, a failed download. */
function isSourceFailure(err: unknown): boolean {
  return (
    err instanceof FrameGrabError ||
    err instanceof InvalidImageError ||
    err instanceof RemoteImageError ||
    (err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string')
  );
}

/** One store per job run: it shares a source read or grabbed for several pictures (poster and backdrop from one frame). */
export function createArtworkStore(deps: ArtworkDeps): ArtworkStore {
  const sources = new Map<string, Promise<Buffer>>();
  const keys = new Map<string, Promise<string>>();
  const stats: ArtworkStats = { made: 0, kept: 0, frames: 0, failures: [] };

  const load = (hash: string, source: ArtSource): Promise<Buffer> => {
    let pending = sources.get(hash);
    if (!pending) {
      pending = (async () => {
        if (source.type === 'file') return deps.readFile(source.path);
        if (source.type === 'remote') {
          try {
            return await source.load();
          } catch (err) {
            throw new RemoteImageError(err instanceof Error ? err.message : String(err));
          }
        }
        stats.frames++;
        try {
          return await deps.grabFrame(source.video.path, source.at, FRAME_WIDTH);
        } catch (err) {
          // A duration that overstates the stream puts the seek past the end: take the first frame.
          if (!(err instanceof FrameGrabError && err.reason === 'no_frame' && source.at > 0)) throw err;
          stats.frames++;
          return deps.grabFrame(source.video.path, 0, FRAME_WIDTH);
        }
      })();
      sources.set(hash, pending);
    }
    return pending;
  };

  const make = (hash: string, kind: ImageKind, source: ArtSource): Promise<string> => {
    const id = `${hash}:${kind}`;
    let pending = keys.get(id);
    if (!pending) {
      pending = (async () => {
        const variants = await deps.makeVariants(await load(hash, source), kind);
        const stored = await deps.storeVariants(hash, variants);
        stats.made++;
        return formatImageKey(hash, stored.map((s) => s.width));
      })();
      keys.set(id, pending);
    }
    return pending;
  };

  return {
    stats,
    async ensure(candidates, kind, current) {
      const stored = current ? parseImageKey(current) : null;
      for (const source of candidates) {
        const hash = await sourceHash(source, deps);
        if (!hash) continue;
        if (stored?.hash === hash && (await deps.variantExists(hash, stored.widths[stored.widths.length - 1]))) {
          stats.kept++;
          return current;
        }
        try {
          return await make(hash, kind, source);
        } catch (err) {
          if (!isSourceFailure(err)) throw err;
          const where = source.type === 'file' ? source.path : source.type === 'remote' ? source.key : source.video.path;
          stats.failures.push(`${kind} from ${where}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return null;
    },
  };
}
