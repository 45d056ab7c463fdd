// A cheap content fingerprint: SHA-256 of the size, the first and the last 64 KiB. Together with
// the size it recognises a file copied or moved across filesystems (where the inode changes).
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

const CHUNK = 64 * 1024;

export async function headTailHash(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const hash = createHash('sha256').update(String(size));
    const head = Buffer.alloc(Math.min(CHUNK, size));
    await fh.read(head, 0, head.length, 0);
    hash.update(head);
    if (size > CHUNK) {
      const tail = Buffer.alloc(Math.min(CHUNK, size - CHUNK));
      await fh.read(tail, 0, tail.length, size - tail.length);
      hash.update(tail);
    }
    return hash.digest('hex');
  } finally {
    await fh.close();
  }
}
