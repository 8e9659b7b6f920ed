// Defect 2 of the shared-box issue: a writer stopped while it holds the lock (Ctrl-Z, a paused VM,
// swapping) past the lock's staleness window, then resumed, must not rename its old text over
// the save of the writer that took the lock over. Each trial: writer A stops itself (SIGSTOP) at
// one step of its save; we wait past the staleness window; writer B saves; A is resumed. Both
// acknowledged edits must be in the final file. Run for 30 trials over every step of a save.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadPlanText } from '../../src/core/plan/load.js';
import { buildChild } from './helpers/build-child.js';
import { PLAN } from './fixture.js';

const run = promisify(execFile);
const STALE_MS = 2000; // proper-lockfile's minimum
const STEPS = ['locked', 'read', 'applied', 'step-open', 'step-write', 'step-fsync', 'step-close', 'step-rename'];
const TRIALS = 30;
const PARALLEL = 6;

let dir: string;
let child: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pb-stall-'));
  child = await buildChild('child-commit');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const state = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
  } catch {
    return undefined;
  }
};
const ops = (who: string, id: string, lane: string) =>
  JSON.stringify([
    { kind: 'move-lane', id, lane },
    { kind: 'log-time', id, entry: { date: '2026-03-02', hours: 1, note: who } },
  ]);

interface Trial {
  step: string;
  aSaved: boolean;
  bSaved: boolean;
  lost: string[];
}

async function trial(n: number): Promise<Trial> {
  const step = STEPS[n % STEPS.length];
  const plan = join(dir, `plan-${n}.yaml`);
  writeFileSync(plan, PLAN);
  const env = { ...process.env, PLANBOARD_LOCK_STALE_MS: String(STALE_MS) };
  const a = spawn(process.execPath, [child, 'one', plan, ops('A', 'S-1', 'bo')], { env: { ...env, PLANBOARD_FAULT: `stop:${step}` } });
  let aOut = '';
  a.stdout.on('data', (d: Buffer) => (aOut += d));
  const aExit = new Promise<number | null>((r) => a.on('exit', (code) => r(code)));
  // Wait until A has stopped itself inside its save, holding the lock.
  for (let i = 0; i < 500 && state(a.pid!) !== 'T'; i++) await sleep(10);
  expect(state(a.pid!), `writer A did not stop at ${step}`).toBe('T');
  await sleep(STALE_MS + 600);
  // B takes over the stale lock and saves an edit to another issue.
  const b = await run(process.execPath, [child, 'one', plan, ops('B', 'S-2', 'cy')], { env }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );
  a.kill('SIGCONT');
  const aCode = await aExit;
  const text = readFileSync(plan, 'utf8');
  const r = loadPlanText(text, plan);
  expect(r.ok, `trial ${n}: the final file does not load`).toBe(true);
  const notes = r.ok ? r.plan.data.issues!.flatMap((i) => (i.log ?? []).map((l) => `${i.id}:${l.note}`)) : [];
  const aSaved = aCode === 0 && JSON.parse(aOut).ok === true;
  const bSaved = b.code === 0;
  const lost = [...(aSaved && !notes.includes('S-1:A') ? ['A'] : []), ...(bSaved && !notes.includes('S-2:B') ? ['B'] : [])];
  return { step, aSaved, bSaved, lost };
}

describe('a writer stalled past the lock staleness window', () => {
  it(`loses no acknowledged edit in ${TRIALS} trials over every step of a save`, { timeout: 240_000 }, async () => {
    const results: Trial[] = [];
    for (let i = 0; i < TRIALS; i += PARALLEL) {
      results.push(...(await Promise.all(Array.from({ length: Math.min(PARALLEL, TRIALS - i) }, (_, k) => trial(i + k)))));
    }
    const lost = results.flatMap((t) => t.lost.map((w) => `${t.step}:${w}`));
    console.log(`stall trials: ${results.length}; A saved ${results.filter((t) => t.aSaved).length}, B saved ${results.filter((t) => t.bSaved).length}; lost: ${lost.length}`);
    expect(lost).toEqual([]);
    // Both writers get their edit in: the stalled one rebases onto B's save after resuming.
    expect(results.every((t) => t.aSaved && t.bSaved), JSON.stringify(results.filter((t) => !t.aSaved || !t.bSaved))).toBe(true);
  });
});
