// Test media: the foundation's sample library, generated once per test file and copied per test.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { ensureSampleLibrary } from '@/lib/media/sample-library';

let template: Promise<string> | undefined;
const made: string[] = [];

function sampleTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'marquee-media-')), 'sample');
    made.push(dir);
    await ensureSampleLibrary(dir, { ffmpegPath: (await ffmpegInfo()).ffmpeg.path });
    return dir;
  })();
  return template;
}

/** A fresh copy of the sample library (Movies/ and TV/) in its own temp folder. */
export async function copySampleLibrary(): Promise<string> {
  const dest = join(mkdtempSync(join(tmpdir(), 'marquee-lib-')), 'media');
  cpSync(await sampleTemplate(), dest, { recursive: true });
  made.push(dest);
  return dest;
}

export function removeTestMedia(): void {
  for (const dir of made.splice(0)) rmSync(join(dir, '..'), { recursive: true, force: true });
}
