// `mkdir -p` that always ends: Node's recursive mkdirSync spins forever under /proc.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDirs } from '../../../src/core/persist/make-dirs.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('makeDirs', () => {
  it('makes every missing folder with the mode asked, and accepts one that exists', () => {
    const top = mkdtempSync(join(tmpdir(), 'pb-dirs-'));
    dirs.push(top);
    const deep = join(top, 'a', 'b', 'c');
    makeDirs(deep, 0o700);
    makeDirs(deep, 0o700);
    for (const d of [join(top, 'a'), join(top, 'a', 'b'), deep]) expect(statSync(d).mode & 0o777).toBe(0o700 & ~process.umask());
  });

  it('throws, rather than spinning, where the system refuses the folder (/proc)', () => {
    if (!existsSync('/proc/self')) throw new Error('this test needs Linux /proc');
    expect(() => makeDirs('/proc/planboard-nope/planboard', 0o700)).toThrow(/ENOENT/);
  });

  it('throws when a file is in the way', () => {
    expect(() => makeDirs('/etc/passwd/planboard', 0o700)).toThrow(/ENOTDIR/);
  });
});
