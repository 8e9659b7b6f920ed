// Where a command's text goes: standard output, or the file given with -o, written atomically
// (a full disk or a refused write leaves no half file) and exit 1 with the reason when it cannot.
import { resolve } from 'node:path';
import { CliError, type Io } from './command.js';
import { writeFileAtomic } from '../core/persist/atomic-write.js';

export async function writeOutput(command: string, io: Io, output: string | undefined, text: string): Promise<number> {
  if (!output) {
    io.out(text); // as written to a file: the exporter's own line endings (CSV: CRLF) to the last byte
    return 0;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, output), text);
  } catch (e) {
    // The save machinery (ops, locks, zod) loads only when a write fails: exports read, never edit.
    const { explainSaveError } = await import('./commit.js');
    const why = explainSaveError(output, e);
    throw new CliError(`planboard ${command}: ${why ? why.message.replace(/^cannot save/, 'cannot write') : `cannot write ${output}: ${String(e)}`}`, 1);
  }
  return 0;
}
