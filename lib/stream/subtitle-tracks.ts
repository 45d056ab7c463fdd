// The subtitle tracks of a file: text files beside it (`Movie.srt`, `Movie.en.srt`,
// `Movie.eng.forced.ass`) and the file's own subtitle streams. Text tracks are served as WebVTT;
// image ones (PGS, VobSub) can only be burned in.
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { SubtitleStream } from '@/lib/media/media-info';
import { normalizeLanguage } from '@/lib/media/language-code';
import { servedFile, servedRoots } from '@/lib/scan/served-path';

export const SIDECAR_EXTENSIONS = ['.srt', '.vtt', '.ass', '.ssa'] as const;

export type SubtitleTrack = {
  /** `ext-<n>` for a file beside the video, `emb-<stream index>` for a stream inside it. */
  id: string;
  source: 'external' | 'embedded';
  codec: string;
  language: string | null;
  title: string | null;
  forced: boolean;
  default: boolean;
  /** Text subtitles are served as WebVTT; image ones can only be burned in. */
  text: boolean;
  /** Absolute path of an external file (never sent to clients). */
  path?: string;
  /** ffmpeg stream index of an embedded stream. */
  streamIndex?: number;
};

export const SUBTITLE_NAME_PATTERN = /^((?:ext|emb)-\d{1,4})\.vtt$/;

/** Parses the part between the video's base name and the extension: `en`, `eng.forced`, `English.sdh`. */
export function sidecarFacts(videoBase: string, fileName: string): { language: string | null; forced: boolean; title: string | null } | null {
  const ext = extname(fileName).toLowerCase();
  if (!(SIDECAR_EXTENSIONS as readonly string[]).includes(ext)) return null;
  const stem = fileName.slice(0, -ext.length);
  if (stem !== videoBase && !stem.startsWith(`${videoBase}.`)) return null;
  const tags = stem.slice(videoBase.length).split('.').filter(Boolean);
  let language: string | null = null;
  let forced = false;
  const rest: string[] = [];
  for (const tag of tags) {
    const lower = tag.toLowerCase();
    if (lower === 'forced') forced = true;
    else if (!language && normalizeLanguage(lower)) language = normalizeLanguage(lower);
    else rest.push(tag);
  }
  return { language, forced, title: rest.length ? rest.join(' ') : null };
}

/**
 * The tracks of a video. A sidecar is listed only when it resolves (after symlinks) to a file inside
 * a library or Marquee's own folders: a `Movie.en.srt` linking to /etc/passwd is not a track.
 */
export async function subtitleTracks(videoPath: string, embedded: SubtitleStream[]): Promise<SubtitleTrack[]> {
  const dir = dirname(videoPath);
  const base = basename(videoPath, extname(videoPath));
  const names = await readdir(dir).catch(() => [] as string[]);
  const candidates = names
    .sort()
    .map((name) => ({ name, facts: sidecarFacts(base, name) }))
    .filter((x) => x.facts !== null);
  const roots = candidates.length > 0 ? await servedRoots() : [];
  const served = await Promise.all(candidates.map(async (c) => ({ ...c, real: await servedFile(join(dir, c.name), roots) })));
  const external: SubtitleTrack[] = served
    .filter((x) => x.real !== null)
    .map(({ name, facts, real }, n) => ({
      id: `ext-${n}`,
      source: 'external' as const,
      codec: extname(name).slice(1).toLowerCase() === 'vtt' ? 'webvtt' : extname(name).slice(1).toLowerCase(),
      language: facts!.language,
      title: facts!.title,
      forced: facts!.forced,
      default: false,
      text: true,
      path: real!,
    }));
  const inside: SubtitleTrack[] = embedded.map((s) => ({
    id: `emb-${s.index}`,
    source: 'embedded',
    codec: s.codec,
    language: s.language,
    title: s.title,
    forced: s.forced,
    default: s.default,
    text: s.text,
    streamIndex: s.index,
  }));
  return [...external, ...inside];
}
