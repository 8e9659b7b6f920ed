// The CLI's issue edits (init, add, edit, rm, tick/untick, log), each checked on the file on disk:
// the change is there, and nothing else in the file moved (a minimal diff).
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cli, planCopy, PLANS, tempDir, writeTemp } from './helpers.js';
import { loadPlanText } from '../../src/core/plan/load.js';
import { nextIssueId } from '../../src/core/ops/next-id.js';

const PLAN = `# Cabinet work.
planboard: 1
title: Cabinet
lanes:
  - id: ana
  - id: bo   # part time
issues:
  - id: CAB-237
    title: Hinges
    status: done
    done_on: 2026-01-05
    estimate: 1d
    lane: ana
  - id: CAB-238
    title: Doors # the heavy ones
    status: todo
    estimate: 2d
    lane: bo
  - id: CAB-240
    title: Shelves
`;

/** Lines removed from `a` and lines added in `b`, by a plain LCS line diff. */
function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  const dp = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) dp[i][j] = x[i] === y[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) (i++, j++);
    else if (j < y.length && (i === x.length || dp[i][j + 1] >= dp[i + 1][j])) added.push(y[j++]);
    else removed.push(x[i++]);
  }
  return { removed, added };
}

const model = (text: string) => {
  const r = loadPlanText(text, 'plan.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.plan.model;
};

describe('planboard add', () => {
  it('appends the issue with the next id and the given fields; nothing else changes', async () => {
    const file = writeTemp('plan.yaml', PLAN);
    const r = await cli(['add', file, '--title', 'Paint the doors', '--estimate', '3-5d', '--lane', 'ana', '--status', 'todo']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('added CAB-241 "Paint the doors"\n');
    const after = readFileSync(file, 'utf8');
    const d = lineDiff(PLAN, after);
    expect(d.removed).toEqual([]);
    expect(d.added.map((l) => l.trim()).filter(Boolean)).toEqual(['- id: CAB-241', 'title: Paint the doors', 'status: todo', 'estimate: 3-5d', 'lane: ana']);
    expect(model(after).byId.get('CAB-241')).toMatchObject({ title: 'Paint the doors', lane: 'ana', status: 'todo' });
  });

  it('an estimate in minutes goes through the one duration parser and is written in hours', async () => {
    const file = writeTemp('plan.yaml', PLAN);
    expect((await cli(['add', file, '--title', 'Oil', '--estimate', '90m'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/title: Oil\n\s+estimate: 1\.5h\n/);
  });

  it('in a group, the id follows the group: 2.5 after 2.4 in the k3s plan', async () => {
    const file = planCopy(PLANS.k3s);
    const before = readFileSync(file, 'utf8');
    const r = await cli(['add', file, '--title', 'One more story', '--group', 'epic-2', '--lane', 'dev-a']);
    expect(r.err).toBe('');
    const after = readFileSync(file, 'utf8');
    const expected = nextIssueId(model(before).data, { group: 'epic-2' });
    expect(expected).toMatch(/^2\.\d+$/);
    expect(r.out).toContain(`added ${expected}`);
    expect(model(after).byId.get(expected)).toMatchObject({ title: 'One more story', group: 'epic-2' });
    expect(lineDiff(before, after).removed).toEqual([]);
    // Placed as the board places it: right after the group's last issue, not at the end of the file.
    const ids = model(after).issues.map((x) => x.id);
    const lastOfGroup = model(before).issues.filter((x) => x.group === 'epic-2').at(-1)!.id;
    expect(ids[ids.indexOf(lastOfGroup) + 1]).toBe(expected);
    expect(ids.at(-1)).not.toBe(expected);
  });

  it('refuses an unknown lane with the plan\'s message, exit 1, the file as it was', async () => {
    const file = writeTemp('plan.yaml', PLAN);
    const r = await cli(['add', file, '--title', 'X', '--lane', 'anna']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown lane "anna" \(did you mean "ana"\?\)/);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });

  it('needs a title (exit 2)', async () => {
    const file = writeTemp('plan.yaml', PLAN);
    expect((await cli(['add', file])).code).toBe(2);
    expect((await cli(['add', file, '--title', '  '])).code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });
});

describe('planboard edit', () => {
  it('changes only the lines of the fields given; comments stay', async () => {
    const file = writeTemp('plan.yaml', PLAN);
    const r = await cli(['edit', file, 'CAB-238', '--title', 'Doors, oak', '--estimate', '3d', '--lane', 'ana']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const d = lineDiff(PLAN, readFileSync(file, 'utf8'));
    expect(d.removed.map((l) => l.trim())).toEqual(['title: Doors # the heavy ones', 'estimate: 2d', 'lane: bo']);
    expect(d.added.map((l) => l.trim())).toEqual(['title: Doors, oak # the heavy ones', 'estimate: 3d', 'lane: ana']);
  });

  it('status done records done_on --today; - removes a field', async () => {
    const file = writeTemp('plan.yaml', PLAN);
    expect((await cli(['edit', file, 'CAB-238', '--status', 'done', '--today', '2026-03-02', '--estimate', '-'])).code).toBe(0);
    const issue = model(readFileSync(file, 'utf8')).byId.get('CAB-238')!;
    expect(issue).toMatchObject({ status: 'done' });
    expect(issue.data.done_on).toBe('2026-03-02');
    expect(issue.data.estimate).toBeUndefined();
  });

  it('refuses an unknown id (exit 1) and nothing to change (exit 2), the file as it was', async () => {
    const file = writeTemp('plan.yaml', PLAN);
    const unknown = await cli(['edit', file, 'CAB-23', '--title', 'x']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/unknown issue "CAB-23"/);
    expect((await cli(['edit', file, 'CAB-238'])).code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });

  it('sets labels and a due date as the board does (labels comma-separated; due YYYY-MM-DD or tomorrow), and - removes them', async () => {
    const file = writeTemp('plan.yaml', PLAN);
    const r = await cli(['edit', file, 'CAB-238', '--labels', 'wood, doors,wood', '--due', 'tomorrow', '--today', '2026-03-02']);
    expect([r.code, r.err]).toEqual([0, '']);
    const d = lineDiff(PLAN, readFileSync(file, 'utf8'));
    expect(d.removed).toEqual([]);
    expect(model(readFileSync(file, 'utf8')).byId.get('CAB-238')!.data).toMatchObject({ labels: ['wood', 'doors'], due: '2026-03-03' });
    expect((await cli(['edit', file, 'CAB-238', '--labels', '-', '--due', '-'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });

  it('refuses a due date that is not a calendar day with exit 2, naming it, the file as it was', async () => {
    const file = writeTemp('plan.yaml', PLAN);
    const r = await cli(['edit', file, 'CAB-238', '--due', '2026-13-01']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--due: "2026-13-01" is not a calendar date \(there is no month 13\)/);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });
});

describe('planboard rm', () => {
  it('removes the issue\'s lines and nothing else', async () => {
    const file = writeTemp('plan.yaml', PLAN);
    const r = await cli(['rm', file, 'CAB-240']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('removed CAB-240\n');
    const d = lineDiff(PLAN, readFileSync(file, 'utf8'));
    expect(d.added).toEqual([]);
    expect(d.removed.map((l) => l.trim())).toEqual(['- id: CAB-240', 'title: Shelves']);
  });

  it('refuses to remove an issue others depend on (exit 1), the file as it was', async () => {
    const text = PLAN.replace('    title: Shelves\n', '    title: Shelves\n    depends_on: [CAB-238]\n');
    const file = writeTemp('plan.yaml', text);
    const r = await cli(['rm', file, 'CAB-238']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/CAB-238/);
    expect(r.err).not.toMatch(/internal error/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('planboard init', () => {
  it('writes a commented plan that validates, with a schema modeline that resolves', async () => {
    const d = tempDir();
    const r = await cli(['init', '--title', 'Kitchen'], d);
    expect(r.code).toBe(0);
    const text = readFileSync(join(d, 'plan.yaml'), 'utf8');
    const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(text);
    expect(modeline).not.toBeNull();
    expect(existsSync(resolve(d, modeline![1]))).toBe(true);
    expect(text.split('\n').filter((l) => l.trim().startsWith('#')).length).toBeGreaterThan(4);
    expect(model(text).title).toBe('Kitchen');
    const v = await cli(['validate', 'plan.yaml'], d);
    expect(v).toMatchObject({ code: 0, err: '' });
    // The plan is meant to be worked on: the everyday commands run on it.
    expect((await cli(['schedule', 'plan.yaml', '--today', '2026-03-02'], d)).code).toBe(0);
    expect((await cli(['add', 'plan.yaml', '--title', 'Next'], d)).out).toContain('added T-3');
  });

  it('never replaces a file without --force', async () => {
    const file = writeTemp('plan.yaml', PLAN);
    const r = await cli(['init', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/already exists; use --force/);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
    expect((await cli(['init', file, '--force'])).code).toBe(0);
    expect(model(readFileSync(file, 'utf8')).title).toBe('My plan');
  });

  it('a title that YAML would misread is quoted', async () => {
    const d = tempDir();
    expect((await cli(['init', 'p.yaml', '--title', 'yes: #1'], d)).code).toBe(0);
    expect(model(readFileSync(join(d, 'p.yaml'), 'utf8')).title).toBe('yes: #1');
  });
});

describe('tick / untick / log on disk', () => {
  it('tick then untick of a todo issue gives the file back byte for byte', async () => {
    const file = writeTemp('plan.yaml', PLAN);
    expect((await cli(['tick', file, 'CAB-238', '--today', '2026-03-02'])).code).toBe(0);
    expect(model(readFileSync(file, 'utf8')).byId.get('CAB-238')!.data).toMatchObject({ status: 'done', done_on: '2026-03-02' });
    expect((await cli(['untick', file, 'CAB-238'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });

  it('log 30m writes half an hour, as the board\'s t would', async () => {
    const file = writeTemp('plan.yaml', PLAN);
    expect((await cli(['log', file, 'CAB-238', '30m', '--date', 'today', '--today', '2026-03-02'])).code).toBe(0);
    const d = lineDiff(PLAN, readFileSync(file, 'utf8'));
    expect(d.removed).toEqual([]);
    expect(d.added.map((l) => l.trim())).toEqual(['log:', '- { date: 2026-03-02, hours: 0.5 }']);
  });
});
