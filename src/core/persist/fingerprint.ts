// What "the file changed" means: size, mtime and inode are cheap hints; the sha256 of the text
// decides (a touch or a rewrite with the same bytes is not a change).
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

export interface Fingerprint {
  size: number;
  mtimeMs: number;
  ino: number;
  sha256: string;
}

export const hashText = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Reads the file (through symlinks) and fingerprints exactly the text that was read. */
export async function readWithFingerprint(path: string): Promise<{ text: string; fingerprint: Fingerprint }> {
  const before = await stat(path);
  const text = await readFile(path, 'utf8');
  return {
    text,
    fingerprint: { size: Buffer.byteLength(text), mtimeMs: before.mtimeMs, ino: before.ino, sha256: hashText(text) },
  };
}

/** Cheap check: could the file differ from the fingerprint? (False positives are settled by the hash.) */
export async function mayHaveChanged(path: string, fp: Fingerprint): Promise<boolean> {
  try {
    const s = await stat(path);
    return s.size !== fp.size || s.mtimeMs !== fp.mtimeMs || s.ino !== fp.ino;
  } catch {
    return true;
  }
}

export const sameContent = (a: Fingerprint, b: Fingerprint): boolean => a.sha256 === b.sha256;
