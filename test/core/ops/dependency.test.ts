// Adding and removing a dependency: one entry of depends_on, a loop refused at once and named,
// the text changed at that entry only.
import { describe, expect, it } from 'vitest';
import { applyOps, applyOpToData, OpError } from '../../../src/core/plan/ops.js';
import { load } from './edit-sequences.js';
import { plans } from '../edits/helpers.js';

const text = `planboard: 1
title: T
issues:
  - id: "1.1"
    title: Base
  - id: "1.2"
    title: Middle
    depends_on: ["1.1"]
  - id: "1.3"
    title: Top
    depends_on:
      - "1.2" # the middle
    blocks: ["1.4"]
  - id: "1.4"
    title: After
  - id: "1.5"
    title: Aside
`;

describe('add-dependency', () => {
  const d = load(text, 'p');
  it('appends the entry in the list’s own style, or writes a new list', () => {
    expect(applyOps(text, [{ kind: 'add-dependency', id: '1.2', on: '1.5' }])).toBe(text.replace('depends_on: ["1.1"]', 'depends_on: ["1.1", "1.5"]'));
    expect(applyOps(text, [{ kind: 'add-dependency', id: '1.3', on: '1.1', lag: '2d' }])).toBe(text.replace('      - "1.2" # the middle\n', '      - "1.2" # the middle\n      - { id: "1.1", lag: 2d }\n'));
    expect(applyOps(text, [{ kind: 'add-dependency', id: '1.1', on: '1.5' }])).toBe(text.replace('    title: Base\n', '    title: Base\n    depends_on: ["1.5"]\n'));
  });

  it('refuses a loop at once, naming it', () => {
    expect(() => applyOpToData(d, { kind: 'add-dependency', id: '1.1', on: '1.2' })).toThrow('would make a cycle: 1.1 → 1.2 → 1.1');
    expect(() => applyOpToData(d, { kind: 'add-dependency', id: '1.1', on: '1.3' })).toThrow('would make a cycle: 1.1 → 1.3 → 1.2 → 1.1');
    // Through a `blocks` list: 1.4 waits for 1.3.
    expect(() => applyOpToData(d, { kind: 'add-dependency', id: '1.1', on: '1.4' })).toThrow('would make a cycle: 1.1 → 1.4 → 1.3 → 1.2 → 1.1');
    expect(() => applyOpToData(d, { kind: 'add-dependency', id: '1.3', on: '1.4' })).toThrow('would make a cycle: 1.3 → 1.4 → 1.3');
    expect(() => applyOpToData(d, { kind: 'add-dependency', id: '1.2', on: '1.2' })).toThrow('would make a cycle: 1.2 → 1.2');
  });

  it('refuses unknown issues and a bad lag, and leaves an existing dependency as it is', () => {
    expect(() => applyOpToData(d, { kind: 'add-dependency', id: '1.2', on: '1.9' })).toThrow(OpError);
    expect(() => applyOpToData(d, { kind: 'add-dependency', id: '1.2', on: '1.5', lag: 'soon' })).toThrow(/bad lag "soon"/);
    expect(applyOpToData(d, { kind: 'add-dependency', id: '1.2', on: '1.1' })).toBe(d);
  });

  it('names the loop on each bundled plan that has dependencies', () => {
    let tried = 0;
    for (const p of plans()) {
      const data = load(p.text, p.name);
      const x = data.issues!.find((i) => i.depends_on?.some((dep) => typeof dep === 'string'));
      if (!x) continue;
      const y = x.depends_on!.find((dep): dep is string => typeof dep === 'string')!;
      expect(() => applyOpToData(data, { kind: 'add-dependency', id: y, on: x.id })).toThrow(`would make a cycle: ${y} → ${x.id} → ${y}`);
      tried++;
    }
    expect(tried).toBeGreaterThanOrEqual(3);
  });
});

describe('remove-dependency', () => {
  const d = load(text, 'p');
  it('removes the entry and its line, or the whole key with its last entry', () => {
    const t = text.replace('      - "1.2" # the middle\n', '      - "1.2" # the middle\n      - "1.1"\n');
    expect(applyOps(t, [{ kind: 'remove-dependency', id: '1.3', on: '1.1' }])).toBe(text);
    expect(applyOps(text, [{ kind: 'remove-dependency', id: '1.2', on: '1.1' }])).toBe(text.replace('    depends_on: ["1.1"]\n', ''));
    expect(applyOps(text, [{ kind: 'remove-dependency', id: '1.3', on: '1.2' }])).toBe(text.replace('    depends_on:\n      - "1.2" # the middle\n', ''));
  });

  it('says where a dependency written as the other issue’s blocks is', () => {
    expect(() => applyOpToData(d, { kind: 'remove-dependency', id: '1.4', on: '1.3' })).toThrow("1.4 waits for 1.3 through 1.3's blocks list");
    expect(applyOpToData(d, { kind: 'remove-dependency', id: '1.1', on: '1.2' })).toBe(d);
  });
});
