// Crash safety: a writer killed at any moment of a save leaves the old file or the new one, whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChild } from './helpers/build-child.js';
import { PLAN } from './fixture.js';

const KILL_AT = fileURLToPath(new URL('./helpers/kill-at.mjs', import.meta.url));
const OPS = JSON.stringify([
  { kind: 'tick', id: 'S-1', date: '2026-03-02' },
  { kind: 'log-time', id: 'S-1', entry: { date: '2026-03-02', hours: 2, note: 'fault' } },
]);

let dir: string;
let child: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pb-fault-'));
  child = await buildChild('child-commit');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One save in a child process; returns its exit status and signal. */
function save(plan: string, env: Record<string, string>) {
  // What a killed writer left in .planboard/ (its lock, a temp file) is cleared, so every run
  // makes the same file-system calls and the kill points line up with the counting run. (That
  // the next writer clears such leftovers itself is tested in git-quiet.slow and lock tests.)
  rmSync(join(dirname(plan), '.planboard'), { recursive: true, force: true });
  return spawnSync(process.execPath, ['--import', KILL_AT, child, 'one', plan, OPS], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

describe('a writer killed during a save', () => {
  it('leaves exactly the old or the new content, at every file-system step', { timeout: 120_000 }, () => {
    const plan = join(dir, 'plan.yaml');
    const count = join(dir, 'count');
    writeFileSync(plan, PLAN);
    const clean = save(plan, { PB_KILL_AT: '0', PB_COUNT_FILE: count });
    expect(clean.status, clean.stderr).toBe(0);
    const next = readFileSync(plan, 'utf8');
    expect(next).not.toBe(PLAN);
    const steps = Number(readFileSync(count, 'utf8'));
    expect(steps).toBeGreaterThan(3);
    const seen = new Set<string>();
    for (let at = 1; at <= steps; at++) {
      writeFileSync(plan, PLAN);
      const r = save(plan, { PB_KILL_AT: String(at) });
      const text = readFileSync(plan, 'utf8');
      expect([PLAN, next], `killed before fs call ${at}`).toContain(text);
      expect(r.signal === 'SIGKILL' || r.status === 0, `${at}: ${r.stderr}`).toBe(true);
      seen.add(text === PLAN ? 'old' : 'new');
    }
    // The kill points span the rename: some leave the old file, the late ones the new.
    expect(seen).toEqual(new Set(['old', 'new']));
    console.log(`kills survived: ${steps} (SIGKILL before each file-system call of a save)`);
  });

  it.each(['locked', 'read', 'applied', 'written'])('killed at step "%s" (PLANBOARD_FAULT) leaves old or new', (step) => {
    const plan = join(dir, `step-${step}.yaml`);
    writeFileSync(plan, PLAN);
    const r = save(plan, { PLANBOARD_FAULT: step });
    expect(r.signal).toBe('SIGKILL');
    const text = readFileSync(plan, 'utf8');
    if (step === 'written') expect(text).toContain('note: fault');
    else expect(text).toBe(PLAN);
  });
});
