// Every bad input the format promises to catch, each with its exact message and position.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/core/plan/load.js';
import { readPlanFile } from '../../../src/core/persist/read-plan.js';

const BAD = 'test/fixtures/bad';

async function problems(name: string): Promise<string[]> {
  const result = await readPlanFile(`${BAD}/${name}`);
  if (result.ok) throw new Error(`${name} loaded, but it should have been refused`);
  return result.problems.map(formatProblem);
}

describe('bad plans are refused with PLAN:LINE:COL: message', () => {
  const cases: [string, string, string[]][] = [
    ['a YAML syntax error', 'syntax.yaml', ['6:3: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]']],
    ['a duplicate key', 'duplicate-key.yaml', ['3:1: duplicate key "title"']],
    ['two YAML documents in one file', 'two-documents.yaml', ['6:1: more than one YAML document in the file: a plan is one document']],
    [
      'unknown keys, with a "did you mean" hint, at any depth',
      'unknown-key.yaml',
      ['5:5: unknown key "capcity" (did you mean "capacity"?)', '9:5: unknown key "estimat" (did you mean "estimate"?)'],
    ],
    [
      'duplicate ids, naming where the first one is',
      'duplicate-id.yaml',
      ['5:9: duplicate lane id "alice" (first at line 4)', '11:9: duplicate issue id "CAB-1" (first at line 7)'],
    ],
    ['an unknown lane, with a hint', 'unknown-lane.yaml', ['9:11: unknown lane "alce" (did you mean "alice"?)']],
    ['an unknown milestone, listing the known ones', 'unknown-milestone.yaml', ['9:16: unknown milestone "Q3" (milestones: M1)']],
    ['an unknown dependency', 'unknown-dependency.yaml', ['8:26: unknown dependency "CAB-100" (did you mean "CAB-10"?)']],
    ['a dependency cycle, naming every member in order', 'cycle.yaml', ['6:18: dependency cycle: A -> C -> B -> A']],
    ['a bad estimate string', 'bad-estimate.yaml', ['6:15: bad estimate "two days": expected a duration such as 2h, 1.5d, 1w or 3-5d']],
    ['a bad date string', 'bad-date.yaml', ['3:8: bad date "2026-3-2": expected a date YYYY-MM-DD']],
    ['a date that is not on the calendar', 'impossible-date.yaml', ['7:14: impossible date "2026-02-30": February 2026 has 28 days']],
    ['a range with min > max', 'range-min-max.yaml', ['6:15: bad estimate range "5-3d": min 5 is greater than max 3']],
    ['a status the plan does not list', 'unknown-status.yaml', ['7:13: status "in-progress" is not one of the plan\'s statuses (todo, doing, done)']],
    ['a time entry of more hours than a day has', 'bad-hours.yaml', ['10:16: 30 hours in one entry: a day has 24']],
    ['an empty file', 'empty.yaml', ['1:1: file is empty']],
    ['a whitespace-only file', 'whitespace.yaml', ['1:1: file is empty']],
    ['a file of comments only', 'comments-only.yaml', ['1:1: the file holds only comments: no plan in it']],
    ['a list instead of a plan', 'not-a-mapping.yaml', ['1:1: a plan is a mapping of keys (planboard: 1, title: …, issues: …), not a single value or a list']],
    ['an alias with no anchor', 'unknown-alias.yaml', ['5:12: unknown alias *missing: define the anchor &missing before using it']],
    [
      'an alias bomb ("billion laughs"), refused before expanding',
      'billion-laughs.yaml',
      ['8:8: aliases expand to more than 100000 values: refusing a possible alias bomb ("billion laughs")'],
    ],
  ];
  it.each(cases)('%s (%s)', async (_what, name, expected) => {
    expect(await problems(name)).toEqual(expected.map((e) => `${BAD}/${name}:${e}`));
  });
});
