// Resumable uploads (tus 1.0). The handlers are tus's (lib/upload/serve-upload.ts); these contracts
// describe them for the OpenAPI document. Bodies are tus's, not JSON: see each description.
import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';

const uploadParams = z.object({ id: z.string().describe('The upload id: the last part of the Location header POST answered') });
const WHO = 'Admins, and users an admin allowed (`can_upload` in PATCH /api/v1/admin/users/{id}); API keys need scope full. A browser (cookie) write must be same-origin.';

export const createUploadContract = defineContract({
  method: 'POST',
  path: '/api/v1/uploads',
  access: 'user',
  summary: 'Start a resumable video upload (tus 1.0 creation)',
  description: [
    'tus 1.0 (https://tus.io/protocols/resumable-upload) with the creation extension. Send `Tus-Resumable: 1.0.0`, `Upload-Length` (bytes, at most `UPLOAD_MAX_MB`) and `Upload-Metadata` with base64 `filename` (must end in a video extension; only its last path part is used, cleaned of separators, control characters and leading dots) and `library_id`.',
    'The answer is 201 with `Location: /api/v1/uploads/{id}`. Then `HEAD /api/v1/uploads/{id}` tells the `Upload-Offset` received so far, and `PATCH` sends the rest.',
    'Refused before any byte is sent: an unknown library (404), a bad name (400), too large (413 upload_too_large), not enough free space in the library folder or DATA_DIR/uploads (507), a file of that name already in the library (409 file_exists).',
    WHO,
  ].join('\n\n'),
  tags: ['uploads'],
  response: { status: 201, description: 'Created; the Location header is the upload URL' },
  errors: ['validation_failed', 'not_found', 'file_exists', 'upload_too_large', 'insufficient_storage'],
});

export const patchUploadContract = defineContract({
  method: 'PATCH',
  path: '/api/v1/uploads/{id}',
  access: 'user',
  summary: 'Send bytes of an upload (tus 1.0 core); HEAD on the same URL answers its Upload-Offset',
  description: [
    'Body: raw bytes, `Content-Type: application/offset+octet-stream`, with `Tus-Resumable: 1.0.0` and `Upload-Offset` equal to what `HEAD /api/v1/uploads/{id}` answered (409 otherwise). Answers 204 with the new `Upload-Offset`.',
    'When the last byte arrives the file is probed with ffprobe: a file that is not a readable video (not media, truncated) is deleted and answered 422 not_a_video; a good one moves into the library’s first folder under its safe name (never replacing a file: 409 file_exists), the answer carries `Upload-Result` (the name it got), and a scan of the library is queued.',
    'Only the account that created an upload can HEAD, PATCH or DELETE it (anyone else gets 404). Partial data waits in DATA_DIR/uploads (kept 7 days), never in the library.',
    WHO,
  ].join('\n\n'),
  tags: ['uploads'],
  params: uploadParams,
  response: { status: 204, description: 'Bytes stored; Upload-Offset says how many so far' },
  errors: ['not_found', 'conflict', 'file_exists', 'not_a_video', 'upload_too_large', 'insufficient_storage'],
});

export const deleteUploadContract = defineContract({
  method: 'DELETE',
  path: '/api/v1/uploads/{id}',
  access: 'user',
  summary: 'Cancel an upload and delete its partial data (tus 1.0 termination)',
  description: `Send \`Tus-Resumable: 1.0.0\`. ${WHO}`,
  tags: ['uploads'],
  params: uploadParams,
  response: { status: 204, description: 'Deleted' },
  errors: ['not_found'],
});
