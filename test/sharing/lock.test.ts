import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LockTimeoutError, withPlanLock } from '../../src/core/persist/lock.js';
import { buildChild } from './helpers/build-child.js';

const run = promisify(execFile);
let dir: string;
let child: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pb-lock-'));
  child = await buildChild('child-lock');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the plan lock', () => {
  it('excludes other processes: 3 processes × 15 read-increment-write cycles lose no increment', async () => {
    const file = join(dir, 'counter');
    writeFileSync(file, '0');
    await Promise.all([1, 2, 3].map(() => run(process.execPath, [child, 'count', file, '15'])));
    expect(readFileSync(file, 'utf8')).toBe('45');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('queues callers within one process', async () => {
    const file = join(dir, 'inproc');
    writeFileSync(file, '0');
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withPlanLock(file, async () => {
          const v = Number(readFileSync(file, 'utf8'));
          await new Promise((r) => setTimeout(r, 1));
          writeFileSync(file, String(v + 1));
        }),
      ),
    );
    expect(readFileSync(file, 'utf8')).toBe('20');
  });

  it('takes over a lock left by a crashed process once it is stale', async () => {
    const file = join(dir, 'stale');
    writeFileSync(file, 'x');
    mkdirSync(`${file}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    await expect(withPlanLock(file, async () => 'got it', { staleMs: 10_000, waitMs: 300 })).resolves.toBe('got it');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('gives up on a live lock with a clear, typed error naming the file', async () => {
    const file = join(dir, 'held');
    writeFileSync(file, 'x');
    mkdirSync(`${file}.lock`);
    const err = await withPlanLock(file, async () => 'never', { waitMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockTimeoutError);
    expect((err as Error).message).toContain(file);
    rmSync(`${file}.lock`, { recursive: true });
  });

  it('releases the lock when the work throws', async () => {
    const file = join(dir, 'throws');
    writeFileSync(file, 'x');
    await expect(withPlanLock(file, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
