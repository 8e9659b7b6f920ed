// writeFileAtomic: the old file stays whole whatever step fails; mode and symlinks are respected.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, WriteError, type WriteStep } from '../../../src/core/persist/atomic-write.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pb-aw-'));
  file = join(dir, 'plan.yaml');
  writeFileSync(file, 'old: text\n');
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

/** What a directory holds besides planboard's own runtime folder (which must hold no temp file). */
function files(d: string): string[] {
  const rt = join(d, '.planboard');
  const runtime = existsSync(rt) ? readdirSync(rt).filter((n) => n !== '.gitignore').map((n) => `.planboard/${n}`) : [];
  return [...readdirSync(d).filter((n) => n !== '.planboard'), ...runtime];
}

const STEPS: WriteStep[] = ['open', 'write', 'fsync', 'close', 'rename', 'fsync-dir'];

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file', async () => {
    await writeFileAtomic(file, 'new: text\n');
    expect(readFileSync(file, 'utf8')).toBe('new: text\n');
    expect(files(dir)).toEqual(['plan.yaml']);
  });
  it("keeps the file's mode, even a read-only one", async () => {
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'a\n');
    expect(statSync(file).mode & 0o7777).toBe(0o640);
    chmodSync(file, 0o444);
    await writeFileAtomic(file, 'b\n');
    expect(statSync(file).mode & 0o7777).toBe(0o444);
  });
  it('writes through a symlink to its target, and the link stays a link', async () => {
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'plan.yaml');
    writeFileSync(target, 'old\n');
    const link = join(dir, 'link.yaml');
    symlinkSync('real/plan.yaml', link);
    await writeFileAtomic(link, 'through\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real/plan.yaml');
    expect(readFileSync(target, 'utf8')).toBe('through\n');
    // The temp file lived next to the target, in the real directory, and is gone.
    expect(files(join(dir, 'real'))).toEqual(['plan.yaml']);
  });
  it('creates a file that does not exist yet', async () => {
    await writeFileAtomic(join(dir, 'fresh.yaml'), 'x\n');
    expect(readFileSync(join(dir, 'fresh.yaml'), 'utf8')).toBe('x\n');
  });

  for (const failAt of STEPS) {
    it(`a failure at "${failAt}" leaves a whole file (old before the rename, new after) and no temp litter`, async () => {
      const seen: string[] = [];
      const err = await writeFileAtomic(file, 'new: text\n', {
        beforeStep: (step) => {
          // What a crash here would leave: the target is always one whole version.
          seen.push(`${step}:${readFileSync(file, 'utf8')}`);
          if (step === failAt) throw Object.assign(new Error('injected'), { code: 'EIO' });
        },
      }).catch((e) => e);
      expect(err).toBeInstanceOf(WriteError);
      const renamed = STEPS.indexOf(failAt) > STEPS.indexOf('rename');
      expect(readFileSync(file, 'utf8')).toBe(renamed ? 'new: text\n' : 'old: text\n');
      expect(files(dir)).toEqual(['plan.yaml']);
      expect(err.message).toMatch(renamed ? /^saved .*plan\.yaml, but its directory could not be synced/ : /^cannot save .*plan\.yaml: injected; the file was left as it was$/);
      for (const s of seen) expect(s).toMatch(/:(old|new): text\n$/);
    });
  }

  const reasons: [string, RegExp][] = [
    ['EACCES', /permission denied/],
    ['EROFS', /read-only/],
    ['ENOSPC', /no space left on the device/],
  ];
  for (const [code, reason] of reasons) {
    it(`explains ${code} with the path, and keeps the old file`, async () => {
      const err = await writeFileAtomic(file, 'new\n', {
        beforeStep: (step) => {
          if (step === (code === 'ENOSPC' ? 'write' : 'open')) throw Object.assign(new Error(code), { code });
        },
      }).catch((e) => e);
      expect(err).toBeInstanceOf(WriteError);
      expect(err.code).toBe(code);
      expect(err.message).toContain(file);
      expect(err.message).toMatch(reason);
      expect(readFileSync(file, 'utf8')).toBe('old: text\n');
      expect(files(dir)).toEqual(['plan.yaml']);
    });
  }
  it('a real failure from the file system (the directory is gone) is explained the same way', async () => {
    const err = await writeFileAtomic(join(dir, 'missing', 'plan.yaml'), 'x\n').catch((e) => e);
    expect(err).toBeInstanceOf(WriteError);
    expect(err.message).toMatch(/^cannot save .*missing\/plan\.yaml: the directory .*missing does not exist/);
  });
});
