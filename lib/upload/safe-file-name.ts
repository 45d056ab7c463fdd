// The name an uploaded file gets in the library: only the last part of what the client called it,
// with nothing that could climb out of the folder, hide the file, or confuse a shell or a scanner.
import { extname } from 'node:path';
import { ApiError } from '@/lib/errors/api-error';
import { VIDEO_EXTENSIONS } from '@/lib/scan/naming-rules';

const MAX_NAME_BYTES = 200;

function truncateBytes(stem: string, maxBytes: number): string {
  let out = stem;
  while (Buffer.byteLength(out) > maxBytes) out = [...out].slice(0, -1).join('');
  return out;
}

/** A safe file name for the library folder, or a 400 naming what is wrong with the client's name. */
export function safeUploadName(clientName: string): string {
  // Only the last path segment counts: "../../etc/passwd.mkv" and "C:\\x\\a.mkv" keep "passwd.mkv" and "a.mkv".
  const last = clientName.normalize('NFC').split(/[/\\]/).at(-1) ?? '';
  const cleaned = last
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^[.\s]+/, '');
  const ext = extname(cleaned).toLowerCase();
  if (!ext || !VIDEO_EXTENSIONS.includes(ext.slice(1)) || ext === '.strm' || ext === '.iso') {
    throw new ApiError('validation_failed', `"${last.slice(0, 80)}" does not end in a video extension (.mkv, .mp4, .webm, …).`, {
      fields: [{ path: 'metadata.filename', message: 'not a video file name' }],
    });
  }
  const stem = truncateBytes(cleaned.slice(0, -ext.length).trim(), MAX_NAME_BYTES);
  if (!stem) throw new ApiError('validation_failed', 'The file name is empty once unsafe characters are removed.', { fields: [{ path: 'metadata.filename', message: 'empty name' }] });
  return stem + ext;
}
