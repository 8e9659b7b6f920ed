import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'pb-engine-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
const PLAN = write(
  'plan.yaml',
  `planboard: 1
title: Tiny
lanes:
  - id: ann
    capacity: 8h/w
  - id: bob
calendar:
  sprints: { length: 1w, start: 2026-01-05 }
milestones:
  - id: M
    deadline: 2026-01-30
scenarios:
  - id: other
    assign: { bob: [b] }
issues:
  - id: a
    title: First thing
    estimate: 1d
    lane: ann
    milestone: M
  - id: b
    title: Second thing
    estimate: 4h
    lane: ann
    depends_on: [a]
  - id: c
    title: Done already
    status: done
    lane: ann
    log: [{ date: 2026-01-05, hours: 1 }]
`,
);

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), cwd: dir, isTTY: false });
  return { code, out, err };
}

describe('planboard schedule', () => {
  it('prints version-1 JSON with the issue’s fields in snake_case', async () => {
    const r = await cli('schedule', PLAN, '--today', '2026-01-05', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['version', 'issues', 'finish', 'critical_path', 'critical_source', 'unestimated', 'notes', 'sprints', 'milestones', 'scenarios', 'forecast']);
    expect(j.version).toBe(1);
    expect(j.issues[0]).toEqual({
      id: 'a',
      title: 'First thing',
      group: null,
      lane: 'ann',
      status: 'backlog',
      start: '2026-01-05',
      end: '2026-01-09',
      slack_days: 0,
      critical: true,
      unestimated: false,
    });
    expect(j.sprints[0]).toEqual({ name: 'Sprint 1', start: '2026-01-05', end: '2026-01-09' });
    expect(j.milestones[0]).toEqual({
      id: 'M',
      deadline: '2026-01-30',
      expected: '2026-01-09',
      optimistic: '2026-01-09',
      pessimistic: '2026-01-09',
      verdict: 'on-track',
      slip_days: 0,
    });
    expect(j.scenarios).toEqual([{ id: 'other', finish: '2026-01-12' }]);
  });

  it('prints aligned tables without --json', async () => {
    const r = await cli('schedule', PLAN, '--today=2026-01-05');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const head = lines.find((l) => l.startsWith('ID '))!;
    const row = lines.find((l) => l.startsWith('a '))!;
    expect(row.indexOf('2026-01-05')).toBe(head.indexOf('START'));
    expect(r.out).toMatch(/Critical path: a → b/);
    expect(r.out).toMatch(/M\s+2026-01-30\s+2026-01-09.*on-track/);
  });

  it('names the critical path as declared by the plan when the plan has no estimates (k3s)', async () => {
    const r = await cli('schedule', resolve('plans/k3s-mono-pgsql.yaml'), '--today=2026-02-16', '--samples=0');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Critical path \(declared by the plan\): 1\.1 → 1\.3 → 2\.1 → 2\.2 → 4\.1 → 5\.1 → 5\.2/);
  });

  it('schedules under a scenario', async () => {
    const j = JSON.parse((await cli('schedule', PLAN, '--today', '2026-01-05', '--scenario', 'other', '--json')).out);
    expect(j.issues[1].lane).toBe('bob');
  });

  it('refuses a bad --today, an unknown scenario and a broken plan with a message and exit 1', async () => {
    const bad = await cli('schedule', PLAN, '--today', '2026-02-30');
    expect(bad.code).toBe(2); // the command line is wrong: bad usage, like every command's bad --today
    expect(bad.err).toMatch(/^planboard schedule: --today: "2026-02-30" is not a calendar date \(2026-02 has no day 30\)/);
    const sc = await cli('schedule', PLAN, '--today', '2026-01-05', '--scenario', 'nope');
    expect(sc.code).toBe(1);
    expect(sc.err).toMatch(/unknown scenario "nope"; scenarios: other/);
    const cyc = write('cycle.yaml', 'planboard: 1\ntitle: c\nissues:\n  - { id: x, title: x, depends_on: [y] }\n  - { id: y, title: y, depends_on: [x] }\n');
    const c = await cli('schedule', cyc, '--today', '2026-01-05');
    expect(c.code).toBe(1);
    expect(c.err).toMatch(/x.*y/);
    expect(c.err).not.toMatch(/\n\s+at /); // no stack trace
    const missing = await cli('schedule', 'nope.yaml');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.yaml/);
  });
});

describe('planboard capacity', () => {
  it('prints version-1 JSON per lane and period, and per milestone in days', async () => {
    const r = await cli('capacity', PLAN, '--today', '2026-01-05', '--by', 'week', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['version', 'lanes', 'milestones', 'forecast', 'unestimated', 'notes']);
    expect(j.lanes[0].lane).toBe('ann');
    expect(j.lanes[0].periods[0]).toEqual({
      period: '2026-W02',
      start: '2026-01-05',
      end: '2026-01-11',
      available_hours: 8,
      planned_hours: 8,
      logged_hours: 1,
      free_hours: -1,
      over: true,
    });
    expect(j.milestones[0]).toEqual({
      id: 'M',
      estimate_days: 1,
      done_days: 0,
      remaining_days: 1,
      progress_estimate: 0,
      progress_count: 0,
      capacity_days_left: 4,
      earlier_milestones_days: 0,
      fits: true,
    });
  });

  it('prints tables by month, and refuses an unknown period', async () => {
    const r = await cli('capacity', PLAN, '--today', '2026-01-05', '--by', 'month');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2026-01\s+2026-01-01\s+2026-01-31\s+32\s+12\s+1\s+19/);
    const bad = await cli('capacity', PLAN, '--by', 'fortnight');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--by: expected one of week, month, quarter, sprint, got "fortnight"/);
  });
});

describe('plan text in schedule and capacity output', () => {
  it('prints escapes, controls and bidi overrides inert, never raw', async () => {
    const evil = write(
      'evil.yaml',
      `planboard: 1
title: "t\\e[31mX"
calendar:
  sprints: { length: 1w, start: 2026-01-05, list: [{ name: S1, goal: "g\\e]0;pwn\\a\\u202Eoal", parallel: ["p\\x9b2J"] }] }
issues:
  - { id: A, title: "a\\e[2Jb\\u202Ec", estimate: 1h, sprint: S1 }
`,
    );
    for (const args of [['schedule', evil, '--today', '2026-01-05'], ['capacity', evil, '--today', '2026-01-05', '--by', 'sprint']]) {
      const r = await cli(...args);
      expect(r.code).toBe(0);
      // eslint-disable-next-line no-control-regex
      expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
    const r = await cli('schedule', evil, '--today', '2026-01-05');
    expect(r.out).toContain('a^[[2Jb<U+202E>c');
    expect(r.out).toContain('t^[[31mX — scheduled');
  });
});
