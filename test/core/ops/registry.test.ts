// The op registry: every kind has one complete definition, and the compiler refuses less.
import { describe, expect, it } from 'vitest';
import { OP_KINDS, OPS, needsPlanCheck, type OpDef } from '../../../src/core/ops/index.js';
import type { Op, OpKind } from '../../../src/core/plan/op-types.js';

// Type-level: these lines compile only while the registry's type demands every kind and every part.
type Registry = { readonly [K in OpKind]: OpDef<K> };
const { tick: _dropped, ...withoutTick } = OPS;
// @ts-expect-error a registry without "tick" is refused
const incomplete: Registry = withoutTick;
const { needsPlanCheck: _n, ...partial } = OPS.untick;
// @ts-expect-error a definition without needsPlanCheck is refused
const partialDef: OpDef<'untick'> = partial;
void incomplete;
void partialDef;

/** One op of each kind, as the board or the CLI would make it. */
const SAMPLES: { [K in OpKind]: Extract<Op, { kind: K }> } = {
  'set-status': { kind: 'set-status', id: 'A', status: 'review', date: '2026-03-02' },
  tick: { kind: 'tick', id: 'A', date: '2026-03-02' },
  untick: { kind: 'untick', id: 'A' },
  'move-lane': { kind: 'move-lane', id: 'A', lane: 'bo' },
  'set-field': { kind: 'set-field', id: 'A', field: 'estimate', value: '2d' },
  'restore-fields': { kind: 'restore-fields', id: 'A', values: { status: 'todo', done_on: undefined } },
  'log-time': { kind: 'log-time', id: 'A', entry: { date: '2026-03-02', hours: 2 } },
  'set-subtask': { kind: 'set-subtask', id: 'A', index: 1, done: true },
  'add-issue': { kind: 'add-issue', issue: { id: 'N', title: 'New' }, before: 'A' },
  'remove-issue': { kind: 'remove-issue', id: 'A' },
  'add-dependency': { kind: 'add-dependency', id: 'A', on: 'B' },
  'remove-dependency': { kind: 'remove-dependency', id: 'A', on: 'B' },
  'reorder-issue': { kind: 'reorder-issue', id: 'A', with: 'B' },
};

describe('the op registry', () => {
  it('has a definition for every kind, filed under its own name', () => {
    expect([...OP_KINDS].sort()).toEqual((Object.keys(SAMPLES) as OpKind[]).sort());
    for (const k of OP_KINDS) expect(OPS[k].kind).toBe(k);
  });

  it('describes each op, names its issue and the fields it writes', () => {
    const rows = OP_KINDS.map((k) => {
      const op = SAMPLES[k] as never;
      const d = OPS[k] as OpDef<typeof k>;
      return [k, d.target(op), d.fields(op).join(','), d.describe(op)];
    });
    expect(rows).toEqual([
      ['set-status', 'A', 'status,done_on,started,reopen_status', 'A → review'],
      ['tick', 'A', 'status,done_on,started,reopen_status', 'A → done (2026-03-02)'],
      ['untick', 'A', 'status,done_on,started,reopen_status', 'A → not done'],
      ['move-lane', 'A', 'lane', 'A → lane bo'],
      ['set-field', 'A', 'estimate', 'A: estimate = "2d"'],
      ['restore-fields', 'A', 'status,done_on', 'A: status, done_on restored'],
      ['log-time', 'A', 'log', 'A: logged 2h on 2026-03-02'],
      ['set-subtask', 'A', 'subtasks.1', 'A: subtask 2 done'],
      ['add-issue', 'N', '(issue)', 'added N "New"'],
      ['remove-issue', 'A', '(issue)', 'removed A'],
      ['add-dependency', 'A', 'depends_on', 'A waits for B'],
      ['remove-dependency', 'A', 'depends_on', 'A no longer waits for B'],
      ['reorder-issue', 'A', '(order)', 'A and B swap places'],
    ]);
  });

  it('says for each kind whether the whole plan must be checked (no default)', () => {
    expect(Object.fromEntries(OP_KINDS.map((k) => [k, needsPlanCheck(SAMPLES[k])]))).toEqual({
      'set-status': false,
      tick: false,
      untick: false,
      'move-lane': false,
      'set-field': true,
      'restore-fields': true,
      'log-time': false,
      'set-subtask': false,
      'add-issue': true,
      'remove-issue': true,
      // The cycle check is its own; the ids are checked by apply.
      'add-dependency': false,
      'remove-dependency': false,
      'reorder-issue': false,
    });
    expect(needsPlanCheck({ kind: 'log-time', id: 'A', entry: { date: '2026-03-02', hours: 30 } })).toBe(true);
  });
});
