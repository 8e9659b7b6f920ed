// The long differential fuzz of the fast read (the same properties as fast-path.test.ts, 50 times
// the cases): 20,000 texts from every bundled plan, every fixture and generated plans, each read
// both ways. A failure prints its seed and path; add it to the replays in fast-path.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generatePlan } from '../../../bench/lib/gen-plan.mjs';
import { fastConvert } from '../../../src/core/plan/fast-convert.js';
import { loadPlanTextFast } from '../../../src/core/plan/load.js';
import { agrees, applyCharEdits, applyLineEdits, blockScalarDoc, charEdits, convertAgrees, filesIn, lineEdits, yamlSoup } from './fast-path-fuzz.js';

const RUNS = { lineEdits: 8000, charEdits: 6000, blockScalars: 3000, yamlSoup: 3000 };
const TIMEOUT = 15 * 60_000;

// Folders read afresh: a fixture added later is fuzzed too.
const bases = [
  ...filesIn('plans'),
  ...filesIn('test/fixtures/valid'),
  ...filesIn('test/fixtures/roundtrip'),
  ...filesIn('test/fixtures/bad'),
  ...[3, 7, 19].map((seed) => ({ name: `generated 100 (seed ${seed})`, text: generatePlan({ issues: 100, seed }) })),
  { name: 'generated 400 (seed 11)', text: generatePlan({ issues: 400, seed: 11 }) },
].map((s) => s.text);

/**
 * Checks every text `arb` makes, counting those the fast read took: a fuzz whose texts all went
 * the precise way would test nothing, so each test also wants a share of them read fast.
 */
function fuzz(name: keyof typeof RUNS, arb: fc.Arbitrary<string>, check: (text: string) => string | null, taken: (text: string) => boolean) {
  let fast = 0;
  fc.assert(
    fc.property(arb, (text) => {
      if (taken(text)) fast++;
      expect(check(text)).toBeNull();
    }),
    { numRuns: RUNS[name] },
  );
  console.log(`${name}: ${RUNS[name]} cases, ${fast} read by the fast path, all agreeing with the precise path`);
  return fast;
}

const planTaken = (text: string) => loadPlanTextFast(text, 'p.yaml') !== undefined;
const convertTaken = (text: string) => fastConvert(text) !== undefined;

describe('the fast read path, fuzzed long', () => {
  it('agrees with the precise path on line edits of every plan and fixture', () => {
    const arb = lineEdits(bases.length).map(({ base, ops }) => applyLineEdits(bases[base], ops));
    expect(fuzz('lineEdits', arb, agrees, planTaken)).toBeGreaterThan(RUNS.lineEdits / 20);
  }, TIMEOUT);

  it('agrees with the precise path on character edits (whitespace, indicators) of every plan and fixture', () => {
    const arb = charEdits(bases.length).map(({ base, ops }) => applyCharEdits(bases[base], ops));
    expect(fuzz('charEdits', arb, agrees, planTaken)).toBeGreaterThan(RUNS.charEdits / 20);
  }, TIMEOUT);

  it('reads block scalars as the precise path does, or steps aside', () => {
    expect(fuzz('blockScalars', blockScalarDoc, convertAgrees, convertTaken)).toBeGreaterThan(RUNS.blockScalars / 50);
  }, TIMEOUT);

  it('reads small random YAML as the precise path does, or steps aside', () => {
    expect(fuzz('yamlSoup', yamlSoup, convertAgrees, convertTaken)).toBeGreaterThan(RUNS.yamlSoup / 50);
  }, TIMEOUT);
});
