// Uploaded avatars: the bytes are checked (size, the declared type, the file's own signature, and
// that it decodes), re-encoded as WebP variants in the image store under a name we make from the
// content, and the account's avatar becomes that image's URL, served to signed-in users only
// (GET /api/v1/image/:key). Re-encoding also drops metadata (EXIF GPS) and anything smuggled in.
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { formatImageKey, imageUrl } from '@/lib/media/image-key';
import { imagesDir, InvalidImageError, makeWebpVariants, storeImageVariants } from '@/lib/media/image-variants';
import { toUserView, type UserView } from './user-view';

export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type AvatarType = (typeof AVATAR_TYPES)[number];

const NAMES: Record<AvatarType, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };

/** The image type the bytes themselves say (their signature), whatever the request claims. */
export function sniffImageType(bytes: Uint8Array): AvatarType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

function declaredType(contentType: string | null): AvatarType | null {
  const base = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (base === 'image/jpg') return 'image/jpeg'; // what Dim's client (and some browsers of old) send
  return (AVATAR_TYPES as readonly string[]).includes(base) ? (base as AvatarType) : null;
}

/** Checks and stores an avatar; the account with its new avatar URL. */
export async function setAvatarImage(userId: string, bytes: Buffer, contentType: string | null): Promise<UserView> {
  const declared = declaredType(contentType);
  if (!declared) throw new ApiError('unsupported_image', 'Send the avatar as Content-Type image/png, image/jpeg or image/webp.');
  if (bytes.length === 0) throw new ApiError('unsupported_image', 'The avatar is empty.');
  const actual = sniffImageType(bytes);
  if (actual !== declared) {
    throw new ApiError('unsupported_image', `The file is not a ${NAMES[declared]} image${actual ? ` (it is a ${NAMES[actual]}: send it as ${actual})` : ''}.`);
  }
  let variants;
  try {
    variants = await makeWebpVariants(bytes, 'avatar');
  } catch (err) {
    if (err instanceof InvalidImageError) throw new ApiError('unsupported_image', `The ${NAMES[declared]} image cannot be read (damaged or cut short).`);
    throw err;
  }
  const hash = createHash('sha256').update('avatar-v1\0').update(bytes).digest('hex').slice(0, 32);
  const stored = await storeImageVariants(imagesDir(), hash, variants);
  const key = formatImageKey(hash, stored.map((s) => s.width));
  const user = await db.user.update({ where: { id: userId }, data: { avatar: imageUrl(key) } });
  return toUserView(user);
}
