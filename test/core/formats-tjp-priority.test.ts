// tj3 priorities that carry our levelling order: they fall along each lane's sequence and along
// every dependency, an issue with no hours passes its depth on, and deep chains are scaled.
import { describe, expect, it } from 'vitest';
import { levellingPriorities } from '../../src/core/formats/tjp-priority.js';

const run = (lanes: string[][], deps: Record<string, string[]> = {}, idle: string[] = []) =>
  levellingPriorities({
    open: lanes.flat(),
    laneSequences: lanes,
    depsOf: (id) => deps[id] ?? [],
    hasWork: (id) => !idle.includes(id),
  });

describe('levelling priorities for the tjp export', () => {
  it('falls along a lane and along a dependency onto another lane', () => {
    const p = run([['a1', 'a2'], ['b1']], { b1: ['a2'] });
    expect([p.get('a1'), p.get('a2'), p.get('b1')]).toEqual([1000, 999, 998]);
  });
  it('gives independent first issues of two lanes the same priority', () => {
    const p = run([['a1'], ['b1']]);
    expect(p.get('a1')).toBe(p.get('b1'));
  });
  it('lets an issue without hours pass its depth on, and gives it none', () => {
    const p = run([['a1', 'm', 'a2']], { a2: ['m'] }, ['m']);
    expect([p.get('a1'), p.has('m'), p.get('a2')]).toEqual([1000, false, 999]);
  });
  it('scales a chain deeper than 1000 into 1..1000, keeping the order', () => {
    const chain = Array.from({ length: 2500 }, (_, i) => `t${i}`);
    const p = run([chain]);
    const values = chain.map((id) => p.get(id)!);
    expect(Math.max(...values)).toBeLessThanOrEqual(1000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(1);
    expect(values.every((v, i) => i === 0 || v <= values[i - 1])).toBe(true);
  });
});
