// The image store's side of ArtworkDeps (sharp for variants, the images folder): shared by the
// metadata job and by anything else that keeps pictures from an online provider (Trakt's catalog-only titles).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { imagesDir, makeWebpVariants, storeImageVariants, variantPath } from '@/lib/media/image-variants';
import type { ArtworkDeps } from './store-artwork';

export function imageStoreDeps(): Pick<ArtworkDeps, 'makeVariants' | 'storeVariants' | 'variantExists'> {
  const dir = imagesDir();
  return {
    makeVariants: makeWebpVariants,
    storeVariants: (hash, variants) => storeImageVariants(dir, hash, variants),
    variantExists: (hash, width) =>
      stat(join(dir, variantPath(hash, width))).then(
        (s) => s.isFile(),
        () => false,
      ),
  };
}
