// Model-based interleavings (slow tier): many more runs, longer event lists, up to 4 boards.
// See model/interleave.ts for the events and the invariant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { checkInterleavings, makeRoot } from './model/interleave.js';

const RUNS = Number(process.env.PB_INTERLEAVE_RUNS ?? 3000);
let root = '';
beforeAll(() => {
  root = makeRoot();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('boards and CLI writers interleaved on one plan (long run)', () => {
  it(`lose no acknowledged edit in ${RUNS} longer interleavings`, { timeout: 900_000 }, async () => {
    const stats = await checkInterleavings(root, { runs: RUNS, maxBoards: 4, minEvents: 4, maxEvents: 30 });
    expect(stats.lost).toBe(0);
    expect(stats.runs).toBeGreaterThanOrEqual(RUNS);
    expect(stats.conflictsShown).toBeGreaterThan(0);
  });
});
