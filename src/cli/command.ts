// What every CLI command shares: its signature, its I/O, and the error that ends it cleanly.

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Working directory for relative paths. */
  cwd: string;
  /** Whether stdout is a terminal (the board needs one). */
  isTTY: boolean;
}

/** A command returns its exit code. It throws CliError for a clean, expected failure. */
export type Command = (args: string[], io: Io) => Promise<number>;

/** A failure the user caused or can fix: printed as its message alone, never with a stack. */
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
});
