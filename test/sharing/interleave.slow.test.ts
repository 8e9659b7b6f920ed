// Model-based interleavings (slow tier): many more runs, longer event lists, up to 4 boards.
// See model/interleave.ts for the events and the invariant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { eventArb, makeRoot, runEvents, stats } from './model/interleave.js';

const RUNS = Number(process.env.PB_INTERLEAVE_RUNS ?? 3000);
let root = '';
beforeAll(() => {
  root = makeRoot();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('boards and CLI writers interleaved on one plan (long run)', () => {
  it(`lose no acknowledged edit in ${RUNS} longer interleavings`, { timeout: 900_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }).chain((boards) => fc.tuple(fc.constant(boards), fc.array(eventArb(boards), { minLength: 4, maxLength: 30, size: 'max' }))),
        async ([boards, events]) => {
          await runEvents(root, events, boards);
        },
      ),
      { numRuns: RUNS },
    );
    console.log(`interleavings: ${stats.runs} runs, ${stats.events} events, ${stats.acked} acknowledged edits, ${stats.lost} lost, ${stats.conflictsShown} conflicts shown, ${stats.stalls} stalled saves, ${stats.kills} kills`);
    expect(stats.lost).toBe(0);
    expect(stats.runs).toBeGreaterThanOrEqual(RUNS);
    expect(stats.conflictsShown).toBeGreaterThan(0);
  });
});
