// Only regular files are plans (defect 7): the core read and save paths refuse a FIFO at once,
// without blocking and without taking the lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileBackend, readTextFile, savePlan, NotAPlanFileError } from '../../src/core/persist/index.js';
import { PLAN } from './fixture.js';

let dir = '';
let fifo = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pb-regular-'));
  fifo = join(dir, 'plan.yaml');
  execFileSync('mkfifo', [fifo]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a FIFO in place of the plan', () => {
  it('load says what it is, at once', async () => {
    const t0 = Date.now();
    const { result } = await fileBackend.load(fifo);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toBe('is a FIFO (named pipe), not a plan file: only regular files are plans');
  });

  it('save refuses before taking the lock', async () => {
    const err = await savePlan(fifo, [{ kind: 'tick', id: 'S-1', date: '2026-03-02' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotAPlanFileError);
    expect((err as Error).message).toMatch(/is a FIFO/);
    expect(existsSync(join(dir, '.planboard'))).toBe(false);
  });

  it('any other text a command reads (a --base copy, a roadmap) is refused too', async () => {
    await expect(readTextFile(fifo)).rejects.toThrow(/FIFO/);
    writeFileSync(join(dir, 'ok.yaml'), PLAN);
    await expect(readTextFile(join(dir, 'ok.yaml'))).resolves.toBe(PLAN);
  });
});
