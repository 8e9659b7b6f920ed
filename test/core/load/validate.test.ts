// Semantic checks: what the schema alone cannot see.
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../../src/core/plan/load.js';
import { impossibleDate, validatePlan } from '../../../src/core/plan/validate.js';
import type { PlanData } from '../../../src/core/plan/model.js';

const HEAD = 'planboard: 1\ntitle: T\n';
const problems = (text: string) => {
  const r = loadPlanText(HEAD + text, 'p.yaml');
  return r.ok ? [] : r.problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
};
const messages = (data: Partial<PlanData>) => validatePlan({ planboard: 1, title: 'T', ...data } as PlanData).errors.map((e) => e.message);
const issue = (id: string, deps: string[] = [], extra: object = {}) => ({ id, title: id, depends_on: deps, ...extra });

describe('dependency cycles', () => {
  it('names every member of the loop in dependency order', () => {
    expect(messages({ issues: [issue('A', ['B']), issue('B', ['C']), issue('C', ['A'])] })).toEqual(['dependency cycle: A -> B -> C -> A']);
  });

  it('finds a loop made with blocks (the inverse of depends_on)', () => {
    // A blocks B means B depends on A; with A depending on B that closes a loop.
    expect(messages({ issues: [issue('A', ['B']), { id: 'B', title: 'B', blocks: ['A'] }] })).toEqual([]);
    expect(messages({ issues: [{ id: 'A', title: 'A', blocks: ['B'], depends_on: ['X'] }, issue('B'), issue('X', ['B'])] })).toEqual([
      'dependency cycle: A -> X -> B -> A',
    ]);
  });

  it('reports an issue that depends on itself', () => {
    expect(messages({ issues: [issue('A', ['A'])] })).toEqual(['dependency cycle: A -> A']);
  });

  it('reports separate loops separately', () => {
    expect(messages({ issues: [issue('A', ['B']), issue('B', ['A']), issue('C', ['D']), issue('D', ['C']), issue('E', ['A', 'C'])] })).toEqual([
      'dependency cycle: A -> B -> A',
      'dependency cycle: C -> D -> C',
    ]);
  });

  it('names every issue caught in a knot of several loops', () => {
    expect(messages({ issues: [issue('A', ['B', 'C']), issue('B', ['A']), issue('C', ['A'])] })).toEqual([
      'dependency cycle: A -> B -> A; also caught in the same knot: C',
    ]);
  });

  it('handles a 10,000-issue chain and a 10,000-issue loop without running out of stack', () => {
    const n = 10_000;
    const chain = Array.from({ length: n }, (_, i) => issue(`I${i}`, i ? [`I${i - 1}`] : []));
    expect(messages({ issues: chain })).toEqual([]);
    chain[0] = issue('I0', [`I${n - 1}`]);
    const [message] = messages({ issues: chain });
    const ids = message.replace('dependency cycle: ', '').split(' -> ');
    expect(ids.length).toBe(n + 1);
    expect(ids[0]).toBe('I0');
    expect(ids[1]).toBe(`I${n - 1}`);
    expect(ids[n]).toBe('I0');
    expect(new Set(ids).size).toBe(n);
  });

  it('points at the dependency entry that starts the loop', () => {
    expect(problems('issues:\n  - {id: A, title: a, depends_on: [X, B]}\n  - {id: B, title: b, depends_on: [A]}\n  - {id: X, title: x}\n')).toEqual([
      '4:39: dependency cycle: A -> B -> A',
    ]);
  });
});

describe('references', () => {
  it('refuses unknown groups, parents, epics and milestone requirements', () => {
    expect(
      problems(
        'milestones: [{id: M, requires: [P, Z]}]\ngroups:\n  - {id: P, parent: Q, epic: E}\nissues:\n  - {id: A, title: a, group: R}\n',
      ),
    ).toEqual([
      '3:36: unknown issue or group "Z"',
      '5:21: unknown group "Q" (groups: P)',
      '5:30: unknown issue "E" (issues: A)',
      '7:30: unknown group "R" (groups: P)',
    ]);
  });

  it('refuses a loop of parent groups', () => {
    expect(messages({ groups: [{ id: 'P', parent: 'Q' }, { id: 'Q', parent: 'R' }, { id: 'R', parent: 'P' }] })).toEqual(['group cycle: P -> Q -> R -> P']);
  });

  it('refuses unknown ids in critical paths, risks and blocks', () => {
    expect(
      messages({
        calendar: { critical_path: ['A', 'NOPE'], sprints: { length: '2w', start: '2026-01-05', list: [{ name: 'S1', critical: ['GONE'] }] } },
        issues: [{ id: 'A', title: 'a', blocks: ['MISSING'] }],
        risks: [{ title: 'r', issues: ['LOST'] }],
      }),
    ).toEqual([
      'unknown blocked issue "MISSING" (issues: A)',
      'unknown issue "NOPE" (issues: A)',
      'unknown issue "GONE" (issues: A)',
      'unknown issue "LOST" (issues: A)',
    ]);
  });

  it('refuses unknown lanes and issues in scenarios, and an issue assigned twice', () => {
    expect(problems('lanes: [{id: ann}]\nissues: [{id: A, title: a}]\nscenarios:\n  - id: s\n    assign: {ann: [A], anne: [A, B]}\n')).toEqual([
      '7:24: unknown lane "anne" (did you mean "ann"?)',
      '7:31: issue "A" is assigned twice in scenario "s"',
      '7:34: unknown issue "B" (issues: A)',
    ]);
  });

  it('says when the plan has no lanes at all', () => {
    expect(messages({ issues: [{ id: 'A', title: 'a', lane: 'x' }] })).toEqual(['unknown lane "x" (the plan has no lanes)']);
  });

  it('refuses duplicate group, milestone, scenario and risk ids', () => {
    expect(
      messages({
        groups: [{ id: 'G' }, { id: 'G' }],
        milestones: [{ id: 'M' }, { id: 'M' }],
        scenarios: [{ id: 'S', assign: {} }, { id: 'S', assign: {} }],
        risks: [{ id: 'R', title: 'r' }, { id: 'R', title: 'r' }],
      }),
    ).toEqual(['duplicate milestone id "M"', 'duplicate group id "G"', 'duplicate scenario id "S"', 'duplicate risk id "R"']);
  });
});

describe('statuses, dates, ranges, capacities', () => {
  it('requires the status list to hold "done" and no duplicates', () => {
    expect(messages({ statuses: ['todo', 'todo', 'finished'] })).toEqual(['duplicate status "todo"', 'statuses must include "done"']);
  });

  it('checks group statuses too', () => {
    expect(messages({ groups: [{ id: 'G', status: 'complete' }] })).toEqual([
      'status "complete" is not one of the plan\'s statuses (backlog, todo, in-progress, review, done)',
    ]);
  });

  it('refuses an empty list of working days', () => {
    expect(messages({ workdays: [] })).toEqual(['workdays is empty: at least one working day is needed']);
  });

  it('knows which dates exist', () => {
    expect(impossibleDate('2024-02-29')).toBeUndefined();
    expect(impossibleDate('2026-02-29')).toBe('impossible date "2026-02-29": February 2026 has 28 days');
    expect(impossibleDate('2100-02-29')).toBe('impossible date "2100-02-29": February 2100 has 28 days');
    expect(impossibleDate('2000-02-29')).toBeUndefined();
    expect(impossibleDate('2026-04-31')).toBe('impossible date "2026-04-31": April 2026 has 30 days');
    expect(impossibleDate('2026-13-01')).toBe('impossible date "2026-13-01": there is no month 13');
    expect(impossibleDate('2026-00-10')).toBe('impossible date "2026-00-10": there is no month 0');
    expect(impossibleDate('2026-01-00')).toBe('impossible date "2026-01-00": January 2026 has 31 days');
  });

  it('refuses ranges that end before they start', () => {
    expect(
      messages({
        calendar: {
          holidays: [{ name: 'Thanksgiving', from: '2026-11-27', to: '2026-11-26' }],
          freezes: [{ from: '2026-12-20', to: '2026-12-01' }],
          sprints: { length: '2w', start: '2026-01-05', list: [{ name: 'S', start: '2026-01-10', end: '2026-01-09' }] },
        },
      }),
    ).toEqual([
      'range ends before it starts: 2026-11-27 to 2026-11-26',
      'range ends before it starts: 2026-12-20 to 2026-12-01',
      'sprint ends before it starts: 2026-01-10 to 2026-01-09',
    ]);
  });

  it('refuses min > max in every kind of duration range', () => {
    expect(
      messages({
        calendar: { sprints: { length: '3-1w', start: '2026-01-05' } },
        groups: [{ id: 'G', estimate: '4-2w' }],
        issues: [
          { id: 'A', title: 'a', external: [{ title: 'registration', lead: '4-2w' }] },
          { id: 'B', title: 'b', depends_on: [{ id: 'A', lag: '5-1d' }] },
        ],
      }),
    ).toEqual([
      'bad sprint length range "3-1w": min 3 is greater than max 1',
      'bad estimate range "4-2w": min 4 is greater than max 2',
      'bad lead range "4-2w": min 4 is greater than max 2',
      'bad lag range "5-1d": min 5 is greater than max 1',
    ]);
  });

  it('refuses a zero sprint length and capacities beyond a day or a week', () => {
    expect(messages({ calendar: { sprints: { length: '0w', start: '2026-01-05' } }, lanes: [{ id: 'a', capacity: '25h/d' }, { id: 'b', capacity: '170' }] })).toEqual([
      'sprint length must be more than zero',
      'capacity "25h/d" is more hours than a day has',
      'capacity "170" is more hours than a week has',
    ]);
  });

  it('checks dates everywhere they appear', () => {
    expect(
      messages({
        as_of: '2026-02-30',
        lanes: [{ id: 'a', time_off: ['2026-06-31'], changes: [{ from: '2026-09-31', capacity: '4h/d' }] }],
        milestones: [{ id: 'M', deadline: '2026-11-31' }],
        issues: [{ id: 'A', title: 'a', log: [{ date: '2026-04-31', hours: 1 }], external: [{ title: 'x', lead: '2w', since: '2026-02-29' }] }],
      }),
    ).toEqual([
      'impossible date "2026-02-30": February 2026 has 28 days',
      'impossible date "2026-06-31": June 2026 has 30 days',
      'impossible date "2026-09-31": September 2026 has 30 days',
      'impossible date "2026-11-31": November 2026 has 30 days',
      'impossible date "2026-02-29": February 2026 has 28 days',
      'impossible date "2026-04-31": April 2026 has 30 days',
    ]);
  });
});
