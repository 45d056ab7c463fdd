// The ffmpeg that makes test media: the system's when there is one, whatever FFMPEG_PATH says.
// The code under test uses the configured build (the playback tests run once more with the 2018
// build bundled from npm); the inputs it is tested on need codecs that build lacks (AV1, Opus).
import { resolveBinary } from '@/lib/media/ffmpeg-path';
import { config } from '@/lib/config';

export async function fixtureFfmpeg(): Promise<string> {
  const { searchPath } = config().ffmpeg;
  return (await resolveBinary('ffmpeg', { searchPath })).path;
}
