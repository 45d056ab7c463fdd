import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/config';
import { type BinaryDeps, type BinaryLookup, type BinaryName, parseFfmpegVersion, resolveBinary } from './ffmpeg-path';

const BUNDLED = '/app/node_modules/@ffmpeg-installer/linux-x64/ffmpeg';

/** Fake fs: only the listed files are executable; the bundled package reports BUNDLED (or nothing). */
function fakeDeps(executables: string[], bundled: string | undefined = BUNDLED): BinaryDeps {
  const files = new Set(executables);
  return {
    isExecutable: async (file) => files.has(file),
    bundledPath: async (name) => bundled?.replace(/ffmpeg$/, name),
  };
}

type Row = {
  name: string;
  binary?: BinaryName;
  lookup: BinaryLookup;
  executables: string[];
  bundled?: string | null;
  expected: { path: string; source: 'env' | 'path' | 'bundled' } | { error: RegExp; configError?: boolean };
};

const rows: Row[] = [
  {
    name: 'env set and executable wins over PATH',
    lookup: { envValue: '/opt/ff/ffmpeg', searchPath: '/usr/bin' },
    executables: ['/opt/ff/ffmpeg', '/usr/bin/ffmpeg'],
    expected: { path: '/opt/ff/ffmpeg', source: 'env' },
  },
  {
    name: 'env set but missing is an error naming FFMPEG_PATH (no fallback)',
    lookup: { envValue: '/opt/ff/ffmpeg', searchPath: '/usr/bin' },
    executables: ['/usr/bin/ffmpeg'],
    expected: { error: /FFMPEG_PATH is set to "\/opt\/ff\/ffmpeg"/, configError: true },
  },
  {
    name: 'env set but missing names FFPROBE_PATH for ffprobe',
    binary: 'ffprobe',
    lookup: { envValue: '/nope/ffprobe', searchPath: '' },
    executables: [],
    expected: { error: /^FFPROBE_PATH is set/, configError: true },
  },
  {
    name: 'env bare name is looked up on PATH',
    lookup: { envValue: 'ffmpeg-7', searchPath: '/usr/bin:/usr/local/bin' },
    executables: ['/usr/local/bin/ffmpeg-7', '/usr/bin/ffmpeg'],
    expected: { path: '/usr/local/bin/ffmpeg-7', source: 'env' },
  },
  {
    name: 'env bare name not on PATH is an error',
    lookup: { envValue: 'ffmpeg-7', searchPath: '/usr/bin' },
    executables: ['/usr/bin/ffmpeg'],
    expected: { error: /FFMPEG_PATH is set to "ffmpeg-7"/, configError: true },
  },
  {
    name: 'PATH hit: first executable entry in order',
    lookup: { searchPath: '/home/u/bin:/usr/local/bin:/usr/bin' },
    executables: ['/usr/local/bin/ffmpeg', '/usr/bin/ffmpeg'],
    expected: { path: '/usr/local/bin/ffmpeg', source: 'path' },
  },
  {
    name: 'PATH: empty entries are skipped, not read as the cwd',
    lookup: { searchPath: '::/usr/bin:' },
    executables: ['ffmpeg', '/usr/bin/ffmpeg'],
    expected: { path: '/usr/bin/ffmpeg', source: 'path' },
  },
  {
    name: 'ffprobe on PATH',
    binary: 'ffprobe',
    lookup: { searchPath: '/usr/bin' },
    executables: ['/usr/bin/ffprobe'],
    expected: { path: '/usr/bin/ffprobe', source: 'path' },
  },
  {
    name: 'nothing on PATH: falls back to the bundled binary',
    lookup: { searchPath: '/usr/bin:/bin' },
    executables: [BUNDLED],
    expected: { path: BUNDLED, source: 'bundled' },
  },
  {
    name: 'empty PATH: falls back to the bundled ffprobe',
    binary: 'ffprobe',
    lookup: { searchPath: '' },
    executables: [BUNDLED.replace(/ffmpeg$/, 'ffprobe')],
    expected: { path: BUNDLED.replace(/ffmpeg$/, 'ffprobe'), source: 'bundled' },
  },
  {
    name: 'bundled package present but binary not executable: not found',
    lookup: { searchPath: '' },
    executables: [],
    expected: { error: /^ffmpeg not found: set FFMPEG_PATH/ },
  },
  {
    name: 'no bundled package (unsupported platform): not found',
    lookup: { searchPath: '/usr/bin' },
    executables: [],
    bundled: null,
    expected: { error: /^ffmpeg not found/ },
  },
];

describe('resolveBinary', () => {
  it.each(rows)('$name', async ({ binary = 'ffmpeg', lookup, executables, bundled, expected }) => {
    const result = resolveBinary(binary, lookup, fakeDeps(executables, bundled === null ? undefined : bundled));
    if ('error' in expected) {
      await expect(result).rejects.toThrow(expected.error);
      if (expected.configError) await expect(result).rejects.toBeInstanceOf(ConfigError);
    } else {
      await expect(result).resolves.toEqual(expected);
    }
  });
});

describe('parseFfmpegVersion', () => {
  it.each([
    ['ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers\nbuilt with gcc 12', '5.1.9-0+deb12u1'],
    [
      'ffmpeg version N-47683-g0e8eb07980-static https://johnvansickle.com/ffmpeg/  Copyright (c) 2000-2018',
      'N-47683-g0e8eb07980-static',
    ],
    ['ffprobe version 4.4.2-0ubuntu0.22.04.1 Copyright (c) 2007-2021 the FFmpeg developers', '4.4.2-0ubuntu0.22.04.1'],
    ['ffmpeg version n6.1.1 Copyright (c) 2000-2023 the FFmpeg developers', 'n6.1.1'],
    ['ffmpeg version 7.0.2-static https://johnvansickle.com/ffmpeg/', '7.0.2-static'],
    ['\nffmpeg version 4.3 Copyright', '4.3'],
    ['command not found', undefined],
    ['', undefined],
  ])('%j → %s', (output, expected) => {
    expect(parseFfmpegVersion(output)).toBe(expected);
  });
});
