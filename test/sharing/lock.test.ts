import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LockTimeoutError, readOwner, withPlanLock } from '../../src/core/persist/lock.js';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { dirname, basename } from 'node:path';

const lockOf = (file: string) => join(dirname(file), '.planboard', `${basename(file)}.lock`);
/** A lock as another process would have left it: the folder with its owner record. */
function plantLock(file: string, owner: { pid: number; host: string; token: string }) {
  mkdirSync(lockOf(file), { recursive: true });
  writeFileSync(join(lockOf(file), 'owner'), JSON.stringify(owner));
}
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
    expect(existsSync(lockOf(file))).toBe(false);
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

  it('takes over a lock left by another host once it is stale', async () => {
    const file = join(dir, 'stale');
    writeFileSync(file, 'x');
    plantLock(file, { pid: 1, host: 'elsewhere.example', token: 't' });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockOf(file), old, old);
    await expect(withPlanLock(file, async () => 'got it', { staleMs: 10_000, waitMs: 300 })).resolves.toBe('got it');
    expect(existsSync(lockOf(file))).toBe(false);
  });

  it('takes a lock whose owner is a dead process on this host at once, long before it is stale', async () => {
    const file = join(dir, 'dead');
    writeFileSync(file, 'x');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    plantLock(file, { pid: dead, host: hostname(), token: 't' });
    const t0 = Date.now();
    await expect(withPlanLock(file, async () => 'got it', { staleMs: 60_000, waitMs: 60_000 })).resolves.toBe('got it');
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it("never breaks a live owner's fresh lock early, on this host or another", async () => {
    for (const [i, owner] of [{ pid: process.ppid, host: hostname(), token: 't' }, { pid: 1, host: 'elsewhere.example', token: 't' }].entries()) {
      const file = join(dir, `held-${i}`);
      writeFileSync(file, 'x');
      plantLock(file, owner);
      const err = await withPlanLock(file, async () => 'never', { staleMs: 10_000, waitMs: 300 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LockTimeoutError);
      expect((err as Error).message).toContain(file);
      expect(existsSync(lockOf(file))).toBe(true);
    }
  });

  it('releases the lock when the work throws', async () => {
    const file = join(dir, 'throws');
    writeFileSync(file, 'x');
    await expect(withPlanLock(file, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lockOf(file))).toBe(false);
  });

  it('records its owner (pid, host) inside the lock while held', async () => {
    const file = join(dir, 'owner');
    writeFileSync(file, 'x');
    const seen = await withPlanLock(file, async () => readOwner(lockOf(file)));
    expect(seen).toMatchObject({ pid: process.pid, host: hostname() });
  });
});
