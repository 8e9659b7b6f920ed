import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../src/core/plan/load.js';
import { schedulePlan } from '../../src/core/schedule/index.js';
import { lastWorkingDay, standup } from '../../src/core/report/standup.js';
import { cli, PLANS, snapshot, TEAM_PLAN, writeTemp } from './helpers.js';

const team = () => {
  const r = loadPlanText(TEAM_PLAN, 'team.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan.model;
};
const TODAY = '2026-03-10';

describe('standup (pure)', () => {
  const model = team();
  const st = standup(model, schedulePlan(model, { today: TODAY }), { today: TODAY });
  const ana = st.lanes.find((l) => l.lane === 'ana')!;

  it('looks back to the last working day: Monday from a Tuesday, Friday from a Monday', () => {
    expect(st.since).toBe('2026-03-09');
    expect(lastWorkingDay(model, '2026-03-09')).toBe('2026-03-06');
  });

  it('lists what was done since then, not before', () => {
    expect(ana.done.map((d) => d.id)).toEqual(['A-1']);
  });

  it('lists work in progress with its age in days since it started and what is left', () => {
    expect(ana.inProgress).toEqual([{ id: 'A-2', title: 'Started Friday', since: '2026-03-06', ageDays: 4, remainingHours: 4, unestimated: false }]);
  });

  it('next up holds ready issues only; blocked names what blocks each', () => {
    expect(ana.next.map((n) => n.id)).toEqual(['A-3']);
    expect(ana.blocked).toEqual([{ id: 'A-4', title: 'Waits on A-3', blockedBy: ['A-3'], waitingOn: [] }]);
  });

  it('flags a lane whose week is over capacity (logged + planned above available)', () => {
    expect(ana.week).toMatchObject({ period: '2026-W11', availableHours: 8, loggedHours: 2, over: true });
    expect(st.lanes.find((l) => l.lane === 'bo')!.week!.over).toBe(false);
  });

  it('--since widens the look-back; --lane keeps one lane', () => {
    const wide = standup(model, schedulePlan(model, { today: TODAY }), { today: TODAY, since: '2026-03-01', lane: 'ana' });
    expect(wide.lanes.map((l) => l.lane)).toEqual(['ana']);
    expect(wide.lanes[0].done.map((d) => d.id)).toEqual(['A-0', 'A-1']);
  });
});

describe('planboard standup (command)', () => {
  it('prints one short block per lane', async () => {
    const r = await cli(['standup', writeTemp('team.yaml', TEAM_PLAN), '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Standup 2026-03-10 (done since 2026-03-09)');
    expect(r.out).toMatch(/in progress +A-2 Started Friday \(4d, 4h left\)/);
    expect(r.out).toMatch(/blocked +A-4 Waits on A-3 ← A-3/);
    expect(r.out).toMatch(/OVER CAPACITY/);
    expect(r.out.split('\n').length).toBeLessThan(25);
  });

  it('--json has version 1 and the same data', async () => {
    const r = await cli(['standup', writeTemp('team.yaml', TEAM_PLAN), '--today', TODAY, '--json', '--lane', 'bo']);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ version: 1, today: TODAY, since: '2026-03-09' });
    expect(j.lanes.map((l: { lane: string }) => l.lane)).toEqual(['bo']);
    // One key style across JSON outputs: snake_case, like the plan format's own keys.
    expect(JSON.stringify(j)).not.toMatch(/"[a-z]+[A-Z]\w*":/);
    expect(j.lanes[0].week).toHaveProperty('available_hours');
  });

  it.each(Object.values(PLANS))('runs on the seed plan %s', async (plan) => {
    const r = await cli(['standup', plan, '--today', '2026-01-06']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it.each([
    ['an unknown lane', ['--lane', 'zed'], /unknown lane "zed"/],
    ['a bad --today', ['--today', '2026-02-30'], /--today: "2026-02-30" is not a calendar date/],
    ['a bad --since', ['--since', 'last week'], /--since: "last week" is not a date/],
    ['an unknown option', ['--frobnicate'], /unknown option --frobnicate/],
  ])('rejects %s clearly, changing nothing', async (_w, extra, message) => {
    const file = writeTemp('team.yaml', TEAM_PLAN);
    const before = snapshot(file);
    const r = await cli(['standup', file, ...extra]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(snapshot(file)).toEqual(before);
  });

  it('a missing plan file is a clear error', async () => {
    const r = await cli(['standup', '/nonexistent/plan.yaml']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/plan\.yaml/);
    expect(r.err).not.toMatch(/internal error/);
  });
});
