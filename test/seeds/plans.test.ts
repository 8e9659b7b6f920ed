// Every bundled plan is a valid format-v1 file that a person can open in an editor.
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { formatProblem, loadPlanText } from '../../src/core/plan/load.js';
import { loadPlan, PLANS, referenceProblems } from './helpers.js';

describe.each(Object.values(PLANS))('%s', (rel) => {
  it('starts with the JSON Schema modeline and has planboard: 1 as its first key', () => {
    const { text } = loadPlan(rel);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/plan.schema.json');
    const doc = YAML.parseDocument(text);
    const first = (doc.contents as YAML.YAMLMap).items[0];
    expect(String((first.key as YAML.Scalar).value)).toBe('planboard');
    expect((first.value as YAML.Scalar).value).toBe(1);
  });

  it('says in its header which seed it was converted from', () => {
    const { text } = loadPlan(rel);
    const header = text.slice(0, text.indexOf('planboard: 1'));
    expect(header).toMatch(/seed \d{3}_[0-9a-f]{16}\.txt/);
  });

  it('passes the format-v1 schema', () => {
    expect(() => loadPlan(rel)).not.toThrow();
  });

  it('refers only to ids that exist, has no duplicate ids and no dependency cycle', () => {
    expect(referenceProblems(loadPlan(rel).data)).toEqual([]);
  });

  it('keeps string ids as written (no id turns into a number)', () => {
    const doc = YAML.parseDocument(loadPlan(rel).text);
    const numericIds: string[] = [];
    YAML.visit(doc, {
      Pair(_, pair) {
        const key = String((pair.key as YAML.Scalar)?.value);
        if (!['id', 'epic', 'parent', 'group'].includes(key)) return;
        const v = pair.value as YAML.Scalar;
        if (YAML.isScalar(v) && typeof v.value === 'number') numericIds.push(String(v.value));
      },
    });
    expect(numericIds).toEqual([]);
  });

  it('is accepted by the loader with no problems', () => {
    const { text } = loadPlan(rel);
    const res = loadPlanText(text, rel);
    expect(res.ok ? [] : res.problems.map(formatProblem)).toEqual([]);
  });
});
