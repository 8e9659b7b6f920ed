// What a person types for a field becomes a checked value, or a refusal that says why.
import { describe, expect, it } from 'vitest';
import { fieldValue } from '../../../src/core/ops/field-input.js';
import type { PlanData } from '../../../src/core/plan/model.js';

const data: PlanData = {
  planboard: 1,
  title: 'T',
  priorities: ['must', 'should', 'could'],
  milestones: [{ id: 'M1' }, { id: 'M2' }],
  calendar: { sprints: { length: '2w', start: '2026-03-02', list: [{ name: 'Sprint 1' }, { name: 'Sprint 2' }] } },
};

describe('fieldValue', () => {
  it('title: one line, not blank', () => {
    expect(fieldValue(data, 'title', '  Write the parser ')).toBe('Write the parser');
    expect(() => fieldValue(data, 'title', '   ')).toThrow('a title cannot be empty');
    expect(() => fieldValue(data, 'title', 'a\nb')).toThrow('one line');
  });

  it('estimate: hours, days, weeks or a forward range; empty removes it', () => {
    expect(fieldValue(data, 'estimate', '2h')).toBe('2h');
    expect(fieldValue(data, 'estimate', ' 3 - 5 d ')).toBe('3-5d');
    expect(fieldValue(data, 'estimate', '1.5w')).toBe('1.5w');
    expect(fieldValue(data, 'estimate', '')).toBeNull();
    expect(() => fieldValue(data, 'estimate', '5-3d')).toThrow('5 is more than 3');
    expect(() => fieldValue(data, 'estimate', '3 points')).toThrow(/not an estimate/);
  });

  it('labels: comma-separated, trimmed, each once', () => {
    expect(fieldValue(data, 'labels', 'api, ui,api ,')).toEqual(['api', 'ui']);
    expect(fieldValue(data, 'labels', ' , ')).toBeNull();
  });

  it('sprint, milestone and priority: one the plan has (any case), with a suggestion otherwise', () => {
    expect(fieldValue(data, 'sprint', 'sprint 2')).toBe('Sprint 2');
    expect(() => fieldValue(data, 'sprint', 'Sprint 9')).toThrow(/unknown sprint "Sprint 9".*sprints: Sprint 1, Sprint 2/);
    expect(fieldValue(data, 'milestone', 'm2')).toBe('M2');
    expect(() => fieldValue(data, 'milestone', 'M3')).toThrow('unknown milestone "M3"; milestones: M1, M2');
    expect(fieldValue(data, 'priority', 'Must')).toBe('must');
    expect(() => fieldValue(data, 'priority', 'high')).toThrow('priorities: must, should, could');
    expect(fieldValue({ planboard: 1, title: 'T' }, 'priority', 'high')).toBe('high');
    expect(fieldValue({ planboard: 1, title: 'T' }, 'sprint', 'anything')).toBe('anything');
  });

  it('due: a calendar date', () => {
    expect(fieldValue(data, 'due', '2026-02-28')).toBe('2026-02-28');
    expect(() => fieldValue(data, 'due', '2026-02-30')).toThrow('bad due date "2026-02-30"');
    expect(() => fieldValue(data, 'due', 'friday')).toThrow('expected a calendar date YYYY-MM-DD');
    expect(fieldValue(data, 'due', '-')).toBeNull();
  });
});
