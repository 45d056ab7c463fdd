import { describe, expect, it } from 'vitest';
import { safeUploadName } from './safe-file-name';

describe('safeUploadName', () => {
  it('keeps only the last path part, whatever the separator', () => {
    expect(safeUploadName('../../etc/passwd.mkv')).toBe('passwd.mkv');
    expect(safeUploadName('C:\\Users\\me\\Movie (2020).MP4')).toBe('Movie (2020).mp4');
  });

  it('drops control characters, leading dots and characters other systems refuse', () => {
    expect(safeUploadName('..\u0007.hidden\u0000.webm')).toBe('hidden.webm');
    expect(safeUploadName('a<b>c:d?.mkv')).toBe('a_b_c_d_.mkv');
  });

  it('refuses names without a video extension, or with nothing left', () => {
    expect(() => safeUploadName('notes.txt')).toThrow(/video extension/);
    expect(() => safeUploadName('movie')).toThrow(/video extension/);
    expect(() => safeUploadName('../...mkv')).toThrow();
  });

  it('shortens very long names to 200 bytes before the extension', () => {
    const name = safeUploadName('é'.repeat(300) + '.mkv');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(204);
    expect(name.endsWith('.mkv')).toBe(true);
  });
});
