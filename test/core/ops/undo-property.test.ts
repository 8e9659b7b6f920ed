// Any sequence of board edits, saved at random points: saving and reloading gives the model the
// edits describe, and as many undos as edits followed by a save give back the file byte for byte.
// A few runs per plan here; test/core/ops/undo-property.slow.test.ts runs many more.
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { fixtures, plans } from '../edits/helpers.js';
import { checkSequence, load, stepArb, type Step } from './edit-sequences.js';

describe('edit, save, reload, undo: every bundled plan', () => {
  const all = [...plans(), ...fixtures().filter((f) => /comments|flow|crlf|no-final/.test(f.name))];
  for (const s of all) {
    it(`${s.name}`, async () => {
      const data = load(s.text, s.name);
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb(data), { minLength: 1, maxLength: 8 }), (steps) => checkSequence(s.name, s.text, steps)),
        { numRuns: 4, seed: Number(process.env.FC_SEED ?? 11) },
      );
    });
  }
});

describe('sequences the property once found wrong', () => {
  const cases: [string, string, Step[]][] = [
    [
      'a reordered issue removed: undo puts it back under the comments of the place it had',
      'test/fixtures/roundtrip/comments.yaml',
      [{ op: { kind: 'reorder-issue', id: 'CAB-1', with: 'CAB-2' } }, { op: { kind: 'remove-issue', id: 'CAB-2' } }],
    ],
    [
      'a reordered issue renamed: undo writes its old title with its old quoting',
      'plans/k3s-mono-pgsql.yaml',
      [{ op: { kind: 'reorder-issue', id: '4.1', with: '1.1' } }, { op: { kind: 'set-field', id: '4.1', field: 'title', value: 'a ' } }, { op: { kind: 'log-time', id: '1.1', entry: { date: '2025-07-01', hours: 0.25 } } }],
    ],
    [
      'the last issues all removed, then put back',
      'test/fixtures/roundtrip/crlf.yaml',
      [{ op: { kind: 'set-field', id: 'R-1', field: 'estimate', value: '2h' } }, { op: { kind: 'remove-issue', id: 'R-2' } }, { op: { kind: 'remove-issue', id: 'R-1' } }],
    ],
  ];
  for (const [what, file, steps] of cases) it(what, () => checkSequence(file, readFileSync(file, 'utf8'), steps));
});
