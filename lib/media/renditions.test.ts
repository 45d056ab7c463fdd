import { describe, expect, it } from 'vitest';
import { renditionMaster, rungArgs, rungsFor } from './renditions';

describe('rungsFor', () => {
  it('never upscales: a 720p source gets 720p and 480p of a 1080/720/480 ladder', () => {
    expect(rungsFor('1080,720,480', { width: 1280, height: 720 }).map((r) => `${r.width}x${r.height}`)).toEqual(['1280x720', '854x480']);
  });

  it('gives a source smaller than every rung one rung at its own height, and none when off', () => {
    expect(rungsFor('720,480', { width: 320, height: 240 }).map((r) => r.height)).toEqual([240]);
    expect(rungsFor('off', { width: 1920, height: 1080 })).toEqual([]);
  });
});

describe('rungArgs and renditionMaster', () => {
  it('writes VOD HLS named after the rung, audio only when the source has it', () => {
    const [rung] = rungsFor('480', { width: 1920, height: 1080 });
    const args = rungArgs('/in.mkv', '/out', rung, false);
    expect(args.at(-1)).toBe('/out/r480.m3u8');
    expect(args).toContain('/out/r480_%05d.ts');
    expect(args).not.toContain('aac');
    expect(rungArgs('/in.mkv', '/out', rung, true)).toContain('aac');
  });

  it('lists each rung with its resolution under the given prefix', () => {
    const master = renditionMaster(rungsFor('1080,720', { width: 1920, height: 1080 }), true, 'KEY/');
    expect(master).toMatch(/RESOLUTION=1920x1080.*\nKEY\/r1080\.m3u8\n/);
    expect(master).toMatch(/RESOLUTION=1280x720.*\nKEY\/r720\.m3u8\n/);
  });
});
