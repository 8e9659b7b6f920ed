// Shared by the command tests: run a command in-process with captured output, and temp files.
import { mkdtempSync, readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import { REPO } from '../seeds/helpers.js';

export { REPO, SEED_DIR, SEEDS, PLANS, HAVE_SEEDS, SKIP_REASON, readSeed } from '../seeds/helpers.js';

export interface Ran {
  code: number;
  out: string;
  err: string;
}

export async function cli(args: string[], cwd = REPO): Promise<Ran> {
  let out = '';
  let err = '';
  const io = {
    out: (t: string) => void (out += t.endsWith('\n') ? t : t + '\n'),
    err: (t: string) => void (err += t.endsWith('\n') ? t : t + '\n'),
    cwd,
    isTTY: false,
  };
  const code = await main(args, io);
  return { code, out, err };
}

export const tempDir = (tag = 'pb-cmd-') => mkdtempSync(join(tmpdir(), tag));

/** A copy of a repo plan in a fresh temp dir, so a test may write to it. */
export function planCopy(rel: string): string {
  const dir = tempDir();
  const to = join(dir, rel.split('/').pop()!);
  copyFileSync(resolve(REPO, rel), to);
  return to;
}

export function writeTemp(name: string, text: string): string {
  const p = join(tempDir(), name);
  writeFileSync(p, text);
  return p;
}

/** Content and mtime, to assert that a failed command left a file alone. */
export function snapshot(path: string): { text: string; mtimeMs: number } {
  return { text: readFileSync(path, 'utf8'), mtimeMs: statSync(path).mtimeMs };
}
