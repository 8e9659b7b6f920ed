// What every CLI command shares: its signature, its I/O, and the error that ends it cleanly.

/** How a plan read from standard input (`-`) is named in messages. */
export const STDIN_NAME = '<stdin>';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Working directory for relative paths. */
  cwd: string;
  /** Whether stdout is a terminal (the board needs one). */
  isTTY: boolean;
  /** Standard input, whole (a plan given as `-`); tests pass their own. */
  readStdin?: () => Promise<string>;
}

/** A command's handler returns its exit code. It throws CliError for a clean, expected failure. */
export type { Handler } from './spec.js';

/**
 * A failure the user caused or can fix: printed as its message alone, never with a stack.
 * Exit codes: 1 bad input or a refused edit, 2 bad usage, 3 conflict (70 is left for bugs).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const processIo = (): Io => ({
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
});
