import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { watchPlan, type PlanChange } from '../../src/core/persist/watch.js';

const run = promisify(execFile);
const PLAN = (status: string, lane = 'ana') => `planboard: 1
title: Watched
lanes:
  - id: ana
  - id: bo
issues:
  - id: W-1
    title: one
    status: ${status}
    lane: ${lane}
  - id: W-2
    title: two
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pb-watch-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves with the first change, or with undefined after `ms`. */
function nextChange(events: PlanChange[], ms: number): Promise<PlanChange | undefined> {
  const start = events.length;
  return new Promise((res) => {
    const t0 = Date.now();
    const tick = setInterval(() => {
      if (events.length > start || Date.now() - t0 > ms) {
        clearInterval(tick);
        res(events[start]);
      }
    }, 10);
  });
}

describe.each([
  ['fs.watch on the directory', false],
  ['the polling fallback', true],
])('watching a plan with %s', (_name, poll) => {
  it('reports a rename-over by another process within a second, with the number of changes', async () => {
    const plan = join(dir, `rename-${poll}.yaml`);
    writeFileSync(plan, PLAN('todo'));
    const events: PlanChange[] = [];
    const w = await watchPlan(plan, (c) => events.push(c), { baseText: PLAN('todo'), poll, pollMs: 100 });
    const script = `const fs=require('fs');fs.writeFileSync(${JSON.stringify(plan + '.tmp')},${JSON.stringify(PLAN('done', 'bo'))});fs.renameSync(${JSON.stringify(plan + '.tmp')},${JSON.stringify(plan)})`;
    const got = nextChange(events, 1000);
    await run(process.execPath, ['-e', script]);
    const change = await got;
    w.close();
    expect(change).toEqual({ text: PLAN('done', 'bo'), changes: 2 });
  });
});

describe('watching a plan', () => {
  it('ignores a rewrite with identical content (decided by hash)', async () => {
    const plan = join(dir, 'same.yaml');
    writeFileSync(plan, PLAN('todo'));
    const events: PlanChange[] = [];
    const w = await watchPlan(plan, (c) => events.push(c));
    writeFileSync(plan, PLAN('todo'));
    expect(await nextChange(events, 500)).toBeUndefined();
    w.close();
  });

  it('never hands out an empty or half-written file; it waits for the whole one', async () => {
    const plan = join(dir, 'half.yaml');
    writeFileSync(plan, PLAN('todo'));
    const events: PlanChange[] = [];
    const problems: unknown[] = [];
    const w = await watchPlan(plan, (c) => events.push(c), { onProblem: (p) => problems.push(p), retryMs: 50 });
    const got = nextChange(events, 2000);
    writeFileSync(plan, ''); // an editor truncates, then writes in place
    await new Promise((r) => setTimeout(r, 120));
    writeFileSync(plan, PLAN('review').slice(0, 30));
    await new Promise((r) => setTimeout(r, 120));
    writeFileSync(plan, PLAN('review'));
    const change = await got;
    w.close();
    expect(change?.text).toBe(PLAN('review'));
    expect(events.every((e) => e.text === PLAN('review'))).toBe(true);
  });

  it('reports a file that stays invalid as a problem, never as the plan', async () => {
    const plan = join(dir, 'broken.yaml');
    writeFileSync(plan, PLAN('todo'));
    const events: PlanChange[] = [];
    const problems: unknown[] = [];
    const w = await watchPlan(plan, (c) => events.push(c), { onProblem: (p) => problems.push(p), retries: 2, retryMs: 20 });
    writeFileSync(plan, 'planboard: 1\ntitle: [unclosed\n');
    await new Promise((r) => setTimeout(r, 600));
    w.close();
    expect(events).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
  });

  it('does not report text the caller said it wrote itself', async () => {
    const plan = join(dir, 'own.yaml');
    writeFileSync(plan, PLAN('todo'));
    const events: PlanChange[] = [];
    const w = await watchPlan(plan, (c) => events.push(c));
    w.known(PLAN('done'));
    writeFileSync(plan, PLAN('done'));
    expect(await nextChange(events, 500)).toBeUndefined();
    w.close();
  });
});
