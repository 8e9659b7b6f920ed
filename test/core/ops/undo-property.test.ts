// Any sequence of board edits, saved at random points: saving and reloading gives the model the
// edits describe, and as many undos as edits followed by a save give back the file byte for byte.
// A few runs per plan here; test/core/ops/undo-property.slow.test.ts runs many more.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { fixtures, plans } from '../edits/helpers.js';
import { checkSequence, load, stepArb } from './edit-sequences.js';

describe('edit, save, reload, undo: every bundled plan', () => {
  const all = [...plans(), ...fixtures().filter((f) => /comments|flow|crlf|no-final/.test(f.name))];
  for (const s of all) {
    it(`${s.name}`, async () => {
      const data = load(s.text, s.name);
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb(data), { minLength: 1, maxLength: 8 }), (steps) => checkSequence(s.name, s.text, steps)),
        { numRuns: 6, seed: Number(process.env.FC_SEED ?? 11) },
      );
    });
  }
});
