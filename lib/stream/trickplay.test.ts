import { describe, expect, it } from 'vitest';
import { trickplayArgs, trickplayHeight } from './trickplay';

describe('trickplay', () => {
  it('keeps the aspect ratio at 320 px wide, even', () => {
    expect(trickplayHeight(1920, 1080)).toBe(180);
    expect(trickplayHeight(1920, 800)).toBe(134);
    expect(trickplayHeight(720, 576)).toBe(256);
  });

  it('decodes keyframes only and tiles one frame every 10 s into 10×10 sheets', () => {
    const args = trickplayArgs('/m/a.mkv', '/d/tp', 180);
    expect(args.indexOf('-skip_frame')).toBeLessThan(args.indexOf('-i'));
    expect(args[args.indexOf('-i') + 1]).toBe('file:/m/a.mkv');
    expect(args[args.indexOf('-vf') + 1]).toBe('fps=fps=1/10:round=down:eof_action=pass,scale=320:180,tile=10x10');
    // Options the 2018 build bundled from npm does not know stop it before it starts.
    expect(args).not.toContain('-fps_mode');
    expect(args.at(-1)).toBe('/d/tp/sheet-%03d.jpg');
  });
});
