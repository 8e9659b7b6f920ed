// The edit/save/reload/undo properties of undo-property.test.ts with many more and longer runs,
// over every plan and fixture and a CRLF twin of each. FC_SEED picks another seed.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { samples } from '../edits/helpers.js';
import { checkSequence, load, stepArb } from './edit-sequences.js';

describe('edit, save, reload, undo: many runs', () => {
  for (const s of samples()) {
    it(`${s.name}`, { timeout: 300_000 }, async () => {
      const data = load(s.text, s.name);
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb(data), { minLength: 1, maxLength: 16 }), (steps) => checkSequence(s.name, s.text, steps)),
        { numRuns: 40, seed: Number(process.env.FC_SEED ?? 2026) },
      );
    });
  }
});
