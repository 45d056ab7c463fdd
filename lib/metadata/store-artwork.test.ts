import { describe, expect, it } from 'vitest';
import { FrameGrabError } from '@/lib/media/frame-grab';
import { parseImageKey } from '@/lib/media/image-key';
import { InvalidImageError, type ImageKind } from '@/lib/media/image-variants';
import type { ArtSource, VideoSource } from './item-artwork';
import { createArtworkStore, sourceHash, type ArtworkDeps } from './store-artwork';

const WIDTHS: Record<ImageKind, number[]> = { poster: [200, 400], backdrop: [640], thumb: [320], avatar: [64] };

/** In-memory deps: files by path, frames per video, a set of stored variants; counts the work done. */
function fakeDeps(files: Record<string, string> = {}, opts: { frameFails?: FrameGrabError[] } = {}) {
  const stored = new Set<string>();
  const calls = { grab: [] as [string, number][], read: 0, variants: 0 };
  const deps: ArtworkDeps = {
    stat: async (path) => (path in files ? { size: files[path].length, mtimeMs: 1000 } : null),
    readFile: async (path) => {
      calls.read++;
      if (!(path in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return Buffer.from(files[path]);
    },
    grabFrame: async (path, at) => {
      calls.grab.push([path, at]);
      const failure = opts.frameFails?.shift();
      if (failure) throw failure;
      return Buffer.from('jpeg');
    },
    makeVariants: async (input, kind) => {
      calls.variants++;
      if (input.toString() === 'broken') throw new InvalidImageError(new Error('bad'));
      return WIDTHS[kind].map((width) => ({ width, height: width, buffer: input }));
    },
    storeVariants: async (hash, variants) =>
      variants.map((v) => {
        stored.add(`${hash}-${v.width}`);
        return { width: v.width, path: `${hash}-${v.width}.webp` };
      }),
    variantExists: async (hash, width) => stored.has(`${hash}-${width}`),
  };
  return { deps, calls, stored };
}

const video: VideoSource = { path: '/tv/e1.mkv', size: 100, mtimeMs: 5, duration: 60, hasVideo: true };
const frame: ArtSource = { type: 'frame', video, at: 6 };
const poster: ArtSource = { type: 'file', path: '/m/poster.jpg' };

describe('createArtworkStore', () => {
  it('makes a key from the first working source: hash and stored widths', async () => {
    const { deps } = fakeDeps({ '/m/poster.jpg': 'png!' });
    const key = await createArtworkStore(deps).ensure([poster, frame], 'poster', null);
    expect(parseImageKey(key!)).toEqual({ hash: await sourceHash(poster, deps), widths: [200, 400] });
  });

  it('grabs one frame for poster, backdrop and a thumb of the same video', async () => {
    const { deps, calls } = fakeDeps();
    const store = createArtworkStore(deps);
    const keys = await Promise.all([store.ensure([frame], 'poster', null), store.ensure([frame], 'backdrop', null), store.ensure([frame], 'thumb', null)]);
    expect(calls.grab).toEqual([['/tv/e1.mkv', 6]]);
    expect(new Set(keys.map((k) => parseImageKey(k!)!.hash)).size).toBe(1);
    expect(store.stats).toMatchObject({ made: 3, frames: 1 });
  });

  it('does nothing when the stored key names the same source and its files exist', async () => {
    const { deps, calls, stored } = fakeDeps();
    const first = await createArtworkStore(deps).ensure([frame], 'poster', null);
    const again = createArtworkStore(deps);
    expect(await again.ensure([frame], 'poster', first)).toBe(first);
    expect(calls.grab).toHaveLength(1);
    expect(again.stats).toMatchObject({ kept: 1, made: 0, frames: 0 });

    // Files deleted from the image store: made again.
    stored.clear();
    expect(await createArtworkStore(deps).ensure([frame], 'poster', first)).toBe(first);
    expect(calls.grab).toHaveLength(2);
  });

  it('a changed video (size or mtime) is a new source', async () => {
    const { deps } = fakeDeps();
    const first = await createArtworkStore(deps).ensure([frame], 'thumb', null);
    const changed: ArtSource = { ...frame, video: { ...video, mtimeMs: 6 } };
    expect(await createArtworkStore(deps).ensure([changed], 'thumb', first)).not.toBe(first);
  });

  it('a new local poster replaces a frame-grab poster', async () => {
    const { deps, calls } = fakeDeps();
    const grabbed = await createArtworkStore(deps).ensure([poster, frame], 'poster', null);
    expect(calls.grab).toHaveLength(1);
    const withFile = fakeDeps({ '/m/poster.jpg': 'jpg' });
    const key = await createArtworkStore(withFile.deps).ensure([poster, frame], 'poster', grabbed);
    expect(parseImageKey(key!)!.hash).toBe(await sourceHash(poster, withFile.deps));
    expect(withFile.calls.grab).toHaveLength(0);
  });

  it('falls back past an undecodable image to a frame', async () => {
    const { deps, calls } = fakeDeps({ '/m/poster.jpg': 'broken' });
    const store = createArtworkStore(deps);
    const key = await store.ensure([poster, frame], 'poster', null);
    expect(parseImageKey(key!)!.hash).toBe(await sourceHash(frame, deps));
    expect(calls.grab).toHaveLength(1);
    expect(store.stats.failures).toEqual([expect.stringContaining('not a decodable image')]);
  });

  it('retries a grab past the end at the first frame', async () => {
    const { deps, calls } = fakeDeps({}, { frameFails: [new FrameGrabError('no_frame')] });
    expect(await createArtworkStore(deps).ensure([frame], 'thumb', null)).not.toBeNull();
    expect(calls.grab).toEqual([
      ['/tv/e1.mkv', 6],
      ['/tv/e1.mkv', 0],
    ]);
  });

  it('gives null (keep what is there) when nothing works, and lets other errors through', async () => {
    const { deps } = fakeDeps({}, { frameFails: [new FrameGrabError('unreadable')] });
    const store = createArtworkStore(deps);
    expect(await store.ensure([poster, frame], 'poster', 'old')).toBeNull();
    expect(store.stats.failures).toHaveLength(1);

    const broken = fakeDeps();
    broken.deps.storeVariants = async () => {
      throw new TypeError('bug');
    };
    await expect(createArtworkStore(broken.deps).ensure([frame], 'poster', null)).rejects.toThrow('bug');
  });
});
