// PUT /api/v1/user/avatar — upload an avatar (the body is the image); POST — the same as a form (Dim's `file` field)
import { postAvatarContract, putAvatarContract } from '@/lib/api/user-contracts';
import { ApiError } from '@/lib/errors/api-error';
import { readBodyBytes, readFormBody } from '@/lib/http/read-body';
import { handle, routes } from '@/lib/http/route';
import { AVATAR_MAX_BYTES, setAvatarImage } from '@/lib/users/avatar';

// A form carries a little more than the file: its boundaries and part headers.
const FORM_OVERHEAD = 16 * 1024;

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(putAvatarContract, async ({ auth, req }) => setAvatarImage(auth.user.id, await readBodyBytes(req, AVATAR_MAX_BYTES), req.headers.get('content-type'))),
  handle(postAvatarContract, async ({ auth, req }) => {
    const file = (await readFormBody(req, AVATAR_MAX_BYTES + FORM_OVERHEAD)).get('file');
    if (!(file instanceof Blob)) throw new ApiError('validation_failed', 'Put the image in the form field `file`.', { fields: [{ path: 'body.file', message: 'Put the image here.' }] });
    if (file.size > AVATAR_MAX_BYTES) throw new ApiError('payload_too_large', `The image is larger than ${AVATAR_MAX_BYTES} bytes.`);
    return setAvatarImage(auth.user.id, Buffer.from(await file.arrayBuffer()), file.type || null);
  }),
);
