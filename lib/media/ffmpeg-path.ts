// Finds the ffmpeg and ffprobe binaries (FFMPEG_PATH/FFPROBE_PATH → PATH → the npm-bundled
// builds) and reads their versions for the health endpoint.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { config, ConfigError } from '@/lib/config';
import { runBinary } from './run-binary';

export type BinaryName = 'ffmpeg' | 'ffprobe';
export type BinarySource = 'env' | 'path' | 'bundled';
export type ResolvedBinary = { path: string; source: BinarySource };
export type BinaryInfo = ResolvedBinary & { version: string };
export type FfmpegInfo = { ffmpeg: BinaryInfo; ffprobe: BinaryInfo };

/** What the lookup reads: the configured override (if any) and the PATH string. */
export type BinaryLookup = { envValue?: string; searchPath: string };

/** The side effects resolution needs; fakes in unit tests, `nodeBinaryDeps` otherwise. */
export type BinaryDeps = {
  isExecutable: (file: string) => Promise<boolean>;
  bundledPath: (name: BinaryName) => Promise<string | undefined>;
};

const envVariable: Record<BinaryName, string> = { ffmpeg: 'FFMPEG_PATH', ffprobe: 'FFPROBE_PATH' };

/** Resolves one binary: the env override (must work if set), then PATH, then the bundled build. */
export async function resolveBinary(
  name: BinaryName,
  lookup: BinaryLookup,
  deps: BinaryDeps = nodeBinaryDeps,
): Promise<ResolvedBinary> {
  const variable = envVariable[name];
  if (lookup.envValue) {
    // A bare name ("ffmpeg-7") is looked up on PATH, like a shell would.
    const found = lookup.envValue.includes('/')
      ? ((await deps.isExecutable(lookup.envValue)) ? lookup.envValue : undefined)
      : await searchPath(lookup.envValue, lookup.searchPath, deps.isExecutable);
    if (!found) {
      throw new ConfigError(`${variable} is set to "${lookup.envValue}", but no executable file is there`);
    }
    return { path: found, source: 'env' };
  }
  const onPath = await searchPath(name, lookup.searchPath, deps.isExecutable);
  if (onPath) return { path: onPath, source: 'path' };
  const bundled = await deps.bundledPath(name);
  if (bundled && (await deps.isExecutable(bundled))) return { path: bundled, source: 'bundled' };
  throw new Error(`${name} not found: set ${variable}, install ${name} on PATH, or reinstall the npm dependencies`);
}

/** First `dir/name` that is executable, over the PATH entries in order (empty entries skipped). */
async function searchPath(name: string, pathString: string, isExecutable: BinaryDeps['isExecutable']) {
  for (const dir of pathString.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export const nodeBinaryDeps: BinaryDeps = {
  async isExecutable(file) {
    try {
      if (!(await stat(file)).isFile()) return false; // directories pass X_OK too
      await access(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  async bundledPath(name) {
    try {
      // Literal specifiers so bundlers see both; the packages are CommonJS (`module.exports.path`)
      // and throw on load when the platform has no binary.
      const mod = name === 'ffmpeg' ? await import('@ffmpeg-installer/ffmpeg') : await import('@ffprobe-installer/ffprobe');
      const exported = (mod as { default?: { path?: unknown } }).default ?? (mod as { path?: unknown });
      return typeof exported.path === 'string' ? exported.path : undefined;
    } catch {
      return undefined;
    }
  },
};

/** Both binaries from the process config. Cheap (a few stat calls): not cached. */
export async function resolveFfmpegBinaries(): Promise<{ ffmpeg: ResolvedBinary; ffprobe: ResolvedBinary }> {
  const { ffmpegPath, ffprobePath, searchPath: pathString } = config().ffmpeg;
  const [ffmpeg, ffprobe] = await Promise.all([
    resolveBinary('ffmpeg', { envValue: ffmpegPath, searchPath: pathString }),
    resolveBinary('ffprobe', { envValue: ffprobePath, searchPath: pathString }),
  ]);
  return { ffmpeg, ffprobe };
}

/**
 * The version from `-version` output's first line: "ffmpeg version 5.1.9-0+deb12u1 Copyright …"
 * → "5.1.9-0+deb12u1"; also "N-47683-g0e8eb07980-static", "n6.1.1", "4.4.2-0ubuntu0.22.04.1".
 */
export function parseFfmpegVersion(output: string): string | undefined {
  return /^\s*ff(?:mpeg|probe) version (\S+)/m.exec(output)?.[1];
}

/** Runs `<bin> -version` (5 s limit) and returns its version string. */
export async function ffmpegVersion(path: string): Promise<string> {
  const run = await runBinary(path, ['-version'], { timeoutMs: 5_000 });
  if (run.timedOut) throw new Error(`${path} -version did not answer within 5 s`);
  if (run.code !== 0) throw new Error(`${path} -version failed (exit ${run.code}): ${run.stderr.trim().split('\n').pop() ?? ''}`);
  const version = parseFfmpegVersion(run.stdout.toString());
  if (!version) throw new Error(`${path} -version printed no recognisable version line`);
  return version;
}

let info: Promise<FfmpegInfo> | undefined;

/** Paths, sources and versions of both binaries; computed once per process (a failure is retried). */
export function ffmpegInfo(): Promise<FfmpegInfo> {
  if (!info) {
    const pending = (async () => {
      const { ffmpeg, ffprobe } = await resolveFfmpegBinaries();
      const [ffmpegVer, ffprobeVer] = await Promise.all([ffmpegVersion(ffmpeg.path), ffmpegVersion(ffprobe.path)]);
      return { ffmpeg: { ...ffmpeg, version: ffmpegVer }, ffprobe: { ...ffprobe, version: ffprobeVer } };
    })();
    pending.catch(() => {
      if (info === pending) info = undefined;
    });
    info = pending;
  }
  return info;
}
