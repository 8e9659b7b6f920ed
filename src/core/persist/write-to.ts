// Writing a plan to a path of the user's choosing ("save as" on the board, `import -o`): under
// that path's lock, through the one atomic writer, with compare-and-swap on what was there.
import { writeFileAtomic } from './atomic-write.js';
import { fingerprintNow } from './fingerprint.js';
import { hashText } from './fingerprint.js';
import { assertWritable, withPlanLock } from './lock.js';

export interface WriteToOptions {
  /** Replace a file that is there. */
  overwrite: boolean;
  /** A file already holding exactly this text counts as written (save-as), not as "exists". */
  sameIsOk?: boolean;
  onNotice?: (notice: string) => void;
}

/** 'exists' (nothing written) when a file is there and may not be replaced. */
export async function writePlanTo(path: string, text: string, opts: WriteToOptions): Promise<'written' | 'exists'> {
  await assertWritable(path);
  return withPlanLock(path, async (stillHeld) => {
    const there = await fingerprintNow(path).catch((e: NodeJS.ErrnoException) => {
      throw new Error(`cannot save to ${path}: ${e.code === 'EISDIR' ? 'it is a directory' : e.message}`);
    });
    if (there === 'not-a-file') throw new Error(`cannot save to ${path}: it is not a regular file`);
    if (there !== null && !opts.overwrite && !(opts.sameIsOk && there.sha256 === hashText(text))) return 'exists';
    await writeFileAtomic(path, text, { expect: there, stillHeld, onNotice: opts.onNotice });
    return 'written';
  });
}
