// Model-based interleavings (fast tier): 2–3 boards and CLI-like writers, random events, one file.
// See model/interleave.ts for the events and the invariant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { checkInterleavings, makeRoot, runEvents } from './model/interleave.js';

const RUNS = Number(process.env.PB_INTERLEAVE_RUNS ?? 1000);
const MAX_EVENTS = Number(process.env.PB_INTERLEAVE_EVENTS ?? 10);
let root = '';
beforeAll(() => {
  root = makeRoot();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('boards and CLI writers interleaved on one plan', () => {
  it(`lose no acknowledged edit in ${RUNS} interleavings`, { timeout: 300_000 }, async () => {
    const stats = await checkInterleavings(root, { runs: RUNS, maxBoards: 3, minEvents: 1, maxEvents: MAX_EVENTS });
    expect(stats.lost).toBe(0);
    expect(stats.runs).toBeGreaterThanOrEqual(RUNS);
    // The generator reaches the interesting paths, not only the easy ones.
    expect(stats.conflictsShown).toBeGreaterThan(0);
    expect(stats.kills).toBeGreaterThan(0);
  });
});

describe('interleavings the long run once found', () => {
  // seed -1183150948: a tick and an untick replayed over another session's status ended on
  // theirs, though the user had chosen "keep mine" in a dialog that showed mine (todo).
  it('keep mine writes the value the dialog showed, not what the ops make of theirs', async () => {
    await runEvents(root, [
      { k: 'edit', b: 1, i: 0, a: 'status-' },
      { k: 'edit', b: 0, i: 0, a: 'tick' },
      { k: 'save', b: 1, stall: false },
      { k: 'edit', b: 0, i: 0, a: 'tick' },
      { k: 'edit', b: 0, i: 0, a: 'lane+' },
      { k: 'save', b: 0, stall: false },
      { k: 'resolve', b: 0, keep: 'mine' },
      { k: 'reload', b: 0 },
      { k: 'cli', i: 0, field: 'status', v: 0, base: true, stall: false },
      { k: 'edit', b: 0, i: 0, a: 'tick' },
      { k: 'save', b: 0, stall: false },
    ], 2);
  });

  // seed -1531533286: a conflict's "mine" recorded at a reload, then the user moved the lane again;
  // keep mine must write the lane the board shows now, not the one recorded earlier.
  it('keep mine after a later edit of the conflicting field writes the later value', async () => {
    await runEvents(root, [
      { k: 'edit', b: 2, i: 0, a: 'lane+' },
      { k: 'editor', i: 0, v: 2 },
      { k: 'reload', b: 2 },
      { k: 'edit', b: 2, i: 0, a: 'lane-' },
      { k: 'kill', b: 0 },
      { k: 'save', b: 0, stall: false },
      { k: 'resolve', b: 0, keep: 'mine' },
      { k: 'resolve', b: 2, keep: 'mine' },
    ], 3);
  });

  // seed -710854042: a save in flight met $EDITOR's lane; meanwhile the user moved the lane on to
  // the editor's value. The conflict kept the in-flight "mine", and keep mine wrote it over the
  // user's later edit. Timing decides whether the save lands before the next step: five runs.
  it('a conflict found by a save in flight takes mine from the edits made meanwhile', async () => {
    for (let k = 0; k < 5; k++) {
      await runEvents(root, [
        { k: 'edit', b: 0, i: 0, a: 'lane+' },
        { k: 'editor', i: 0, v: 2 },
        { k: 'save', b: 0, stall: true },
        { k: 'edit', b: 0, i: 0, a: 'lane+' },
        { k: 'cli', i: 0, field: 'status', v: 0, base: false, stall: false },
        { k: 'resolve', b: 0, keep: 'mine' },
        { k: 'kill', b: 0 },
        { k: 'edit', b: 0, i: 0, a: 'tick' },
        { k: 'reload', b: 0 },
      ], 2);
    }
  });
});
